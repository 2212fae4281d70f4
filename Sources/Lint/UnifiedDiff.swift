/// A unified diff of two texts, line by line (`replint fix --diff`), in the
/// form `diff -u` prints and `patch` and `git apply` read: `---`/`+++`
/// headers, `@@ -a,b +c,d @@` hunks with three lines of context, and
/// `\ No newline at end of file` after a last line without one. The edit
/// script is Myers' shortest one, so a fix that only deletes lines shows as
/// deletions only.
public enum UnifiedDiff {
    public static let context = 3

    /// Empty when the texts are equal.
    public static func render(old: [UInt8], new: [UInt8], oldName: String, newName: String) -> String {
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits) {
            let first = edits[hunk.lowerBound], oldCount = edits[hunk].filter { $0.kind != .insert }.count
            let newCount = edits[hunk].filter { $0.kind != .delete }.count
            out += "@@ -\(range(first.old, oldCount)) +\(range(first.new, newCount)) @@\n"
            for edit in edits[hunk] {
                let line = edit.kind == .insert ? b[edit.new] : a[edit.old]
                out += (edit.kind == .same ? " " : edit.kind == .delete ? "-" : "+")
                out += String(decoding: line, as: UTF8.self)
                if line.last != 0x0A { out += "\n\\ No newline at end of file\n" }
            }
        }
        return out
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        let kind: Kind
        /// 0-based line in the old text (for an insert: the old line it comes before).
        let old: Int
        /// 0-based line in the new text (for a delete: the new line it comes before).
        let new: Int
    }

    /// Lines with their `\n`; the last one may lack it.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }

    /// `start,count` as diff prints it: 1-based, `,1` left out, and an empty
    /// side named by the line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start + 1)" : "\(count == 0 ? start : start + 1),\(count)"
    }

    /// Runs of edits with up to `context` unchanged lines around each change;
    /// changes closer than twice that share a hunk.
    static func hunks(_ edits: [Edit]) -> [Range<Int>] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var out: [Range<Int>] = []
        for i in changed {
            let start = max(0, i - context), end = min(edits.count, i + context + 1)
            if let last = out.last, start <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<end
            } else {
                out.append(start..<end)
            }
        }
        return out
    }

    /// Myers' greedy shortest edit script, keeping each round's furthest
    /// points (O(D²) memory for D edits) to walk the path back.
    static func script(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Edit] {
        let n = a.count, m = b.count
        var rounds: [[Int]] = []  // rounds[d][k + d]: furthest x on diagonal k after d edits
        var finished = false
        for d in 0...(n + m) {
            var v = [Int](repeating: 0, count: 2 * d + 1)
            let previous = rounds.last
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if d == 0 {
                    x = 0
                } else if k == -d || (k != d && previous![k - 1 + d - 1] < previous![k + 1 + d - 1]) {
                    x = previous![k + 1 + d - 1]
                } else {
                    x = previous![k - 1 + d - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[k + d] = x
                if x >= n && y >= m { finished = true }
            }
            rounds.append(v)
            if finished { break }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: rounds.count - 1, through: 0, by: -1) {
            let k = x - y
            guard d > 0 else {
                while x > 0 { x -= 1; y -= 1; edits.append(Edit(kind: .same, old: x, new: y)) }
                break
            }
            let previous = rounds[d - 1]
            let down = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1])
            let prevK = down ? k + 1 : k - 1
            let prevX = previous[prevK + d - 1], prevY = prevX - prevK
            let startX = down ? prevX : prevX + 1
            while x > startX { x -= 1; y -= 1; edits.append(Edit(kind: .same, old: x, new: y)) }
            if down {
                edits.append(Edit(kind: .insert, old: prevX, new: prevY))
            } else {
                edits.append(Edit(kind: .delete, old: prevX, new: prevY))
            }
            x = prevX
            y = prevY
        }
        return edits.reversed()
    }
}
