import SQLSource

/// `-- replint-ignore rule-id[, rule-id] reason` silences those rules for one
/// statement: on the line before it, or at the end of any of its lines.
/// `-- replint-ignore-file rule-id[, rule-id] reason` anywhere silences them
/// for the file. The reason is the free text after the ids. Ids go through
/// the registry's lookup, so a rule's aliases are accepted; categories are
/// not (a suppression names what it silences).
struct Suppressions {
    struct Entry {
        let comment: Comment
        /// The ids as written, each with the rule it names (nil: unknown).
        let ids: [(typed: String, rule: RuleID?)]
        let reason: String?
        /// The statement's bytes, or nil for the whole file.
        let scope: Range<Int>?
        var used: Set<RuleID> = []

        var rules: [RuleID] { ids.compactMap(\.rule) }
    }

    /// One parsed suppression comment.
    struct Parsed: Equatable {
        let fileWide: Bool
        let ids: [String]
        let reason: String?
    }

    private(set) var entries: [Entry] = []

    static let statementMarker = "replint-ignore"
    static let fileMarker = "replint-ignore-file"

    init(_ document: SQLDocument, resolver: RuleResolver) {
        for comment in document.comments {
            guard let parsed = Suppressions.parse(comment.body) else { continue }
            let ids = parsed.ids.map { ($0, resolver.resolve($0)) }
            let scope = parsed.fileWide ? nil : Suppressions.statementScope(of: comment, in: document)
            entries.append(Entry(comment: comment, ids: ids, reason: parsed.reason, scope: scope))
        }
    }

    /// The statement a statement suppression covers: the one the comment
    /// sits in or ends a line of, else the one on the next line. A comment
    /// that fits neither covers nothing (and is reported as unused).
    static func statementScope(of comment: Comment, in document: SQLDocument) -> Range<Int> {
        let file = document.file
        let start = comment.range.lowerBound
        let line = file.location(of: start).line
        if let inside = document.statements.first(where: { $0.fullRange.contains(start) }) { return inside.fullRange }
        let lineStart = file.lines.range(ofLine: line, in: file.bytes).lowerBound
        let aloneOnItsLine = file.bytes[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        if !aloneOnItsLine, let before = document.statements.last(where: { $0.fullRange.upperBound <= start }),
           file.location(of: max(before.fullRange.upperBound - 1, before.fullRange.lowerBound)).line == line {
            return before.fullRange
        }
        let commentEndLine = file.location(of: comment.range.upperBound - 1).line
        if let next = document.statements.first(where: { $0.range.lowerBound >= comment.range.upperBound }),
           next.location.line == commentEndLine + 1 {
            return next.fullRange
        }
        return comment.range.upperBound..<comment.range.upperBound
    }

    /// A suppression comment's marker, ids and reason, or nil for any other comment.
    static func parse(_ body: String) -> Parsed? {
        let fileWide: Bool
        var rest: Substring
        if body.hasPrefix(fileMarker) { fileWide = true; rest = body.dropFirst(fileMarker.count) }
        else if body.hasPrefix(statementMarker) { fileWide = false; rest = body.dropFirst(statementMarker.count) }
        else { return nil }
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        // Ids are a comma-separated list (`a,b` or `a, b`); the first word
        // that does not end with a comma ends it, and the rest is the reason.
        var ids: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { break }
            let word = rest.prefix { $0 != " " && $0 != "\t" }
            rest = rest.dropFirst(word.count)
            ids += word.split(separator: ",").map(String.init)
            if !word.hasSuffix(",") { break }
        }
        let reason = rest.trimmed(of: " \t\r\n")
        return Parsed(fileWide: fileWide, ids: ids, reason: reason.isEmpty ? nil : reason)
    }

    /// The suppression that silences `finding` (and marks it used), if any.
    mutating func silencing(_ finding: Finding) -> Entry? {
        for k in entries.indices where entries[k].rules.contains(finding.ruleID) {
            if let scope = entries[k].scope, !scope.contains(finding.range.lowerBound) { continue }
            entries[k].used.insert(finding.ruleID)
            return entries[k]
        }
        return nil
    }

    /// Ids, per suppression, that silenced nothing: a known rule's id, or one
    /// that names no rule (`rule` nil).
    var unused: [(comment: Comment, typed: String, rule: RuleID?)] {
        entries.flatMap { entry in
            entry.ids.filter { $0.rule.map { !entry.used.contains($0) } ?? true }.map { (entry.comment, $0.typed, $0.rule) }
        }
    }

    /// Suppressions that give no reason.
    var withoutReason: [Comment] { entries.filter { $0.reason == nil }.map(\.comment) }
}
