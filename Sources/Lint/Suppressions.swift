import SQLSource

/// `-- replint-ignore rule-id[, rule-id] reason` on the line before a
/// statement silences those rules for that statement;
/// `-- replint-ignore-file rule-id[, rule-id]` anywhere silences them for the
/// file. A suppression that silences nothing is reported itself.
struct Suppressions {
    struct Entry {
        let comment: Comment
        let rules: [RuleID]
        /// The statement's bytes, or nil for the whole file.
        let scope: Range<Int>?
        var used: Set<RuleID> = []
    }

    private(set) var entries: [Entry] = []

    static let statementMarker = "replint-ignore"
    static let fileMarker = "replint-ignore-file"

    /// An alias in a comment stands for its rule's own id (`aliases`).
    init(_ document: SQLDocument, aliases: RuleAliases = RuleAliases()) {
        let file = document.file
        for comment in document.comments {
            guard let (isFile, typed) = Suppressions.parse(comment.body) else { continue }
            let rules = typed.map(aliases.resolve)
            if isFile {
                entries.append(Entry(comment: comment, rules: rules, scope: nil))
                continue
            }
            let commentLine = file.location(of: comment.range.upperBound - 1).line
            let next = document.statements.first { $0.range.lowerBound >= comment.range.upperBound }
            let scope = next.flatMap { $0.location.line == commentLine + 1 ? $0.fullRange : nil }
            entries.append(Entry(comment: comment, rules: rules, scope: scope ?? (comment.range.upperBound..<comment.range.upperBound)))
        }
    }

    /// `(file-wide?, rule ids)` of a suppression comment's body, else nil.
    static func parse(_ body: String) -> (Bool, [RuleID])? {
        let isFile: Bool
        var rest: Substring
        if body.hasPrefix(fileMarker) { isFile = true; rest = body.dropFirst(fileMarker.count) }
        else if body.hasPrefix(statementMarker) { isFile = false; rest = body.dropFirst(statementMarker.count) }
        else { return nil }
        guard rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        // Ids are a comma-separated list; the first word without a trailing comma ends it.
        var rules: [RuleID] = []
        for word in rest.split(separator: " ", omittingEmptySubsequences: true) {
            let ids = word.split(separator: ",").map { RuleID(rawValue: String($0)) }
            rules += ids
            if !word.hasSuffix(",") { break }
        }
        return (isFile, rules)
    }

    /// True (and marks the suppression used) when `finding` is silenced.
    mutating func silences(_ finding: Finding) -> Bool {
        for k in entries.indices where entries[k].rules.contains(finding.ruleID) {
            if let scope = entries[k].scope, !scope.contains(finding.range.lowerBound) { continue }
            entries[k].used.insert(finding.ruleID)
            return true
        }
        return false
    }

    /// Suppressions, per rule id, that silenced nothing.
    var unused: [(comment: Comment, rule: RuleID)] {
        entries.flatMap { entry in entry.rules.filter { !entry.used.contains($0) }.map { (entry.comment, $0) } }
    }
}
