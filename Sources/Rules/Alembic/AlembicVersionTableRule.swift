import Lint
import SQLSource

extension RuleID {
    public static let alembicVersionTable: RuleID = "alembic-version-table"
}

/// Statements on alembic's bookkeeping table, which the subscriber does not have.
public struct AlembicVersionTableRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .alembicVersionTable,
        name: "alembic_version statement",
        category: .alembic,
        defaultSeverity: .error,
        summary: "The file creates, writes or drops alembic's `alembic_version` table.",
        rationale: """
        Offline SQL ends each revision with `UPDATE alembic_version SET version_num=...` (and the \
        first revision creates the table). The replicated database has no alembic history, so the \
        statement fails there or, worse, creates a table that then disagrees with the publisher's.
        """,
        safeAlternative: """
        Delete the statement (`replint fix FILE` does it). The publisher's alembic records the \
        revision when it runs its own migration.
        """,
        triggeringExamples: [
            RuleExample("UPDATE ↓hbi.alembic_version SET version_num='6f44b7ecd7be' WHERE hbi.alembic_version.version_num = 'ecbe7e63f6d9';"),
            RuleExample("INSERT INTO ↓alembic_version (version_num) VALUES ('1e276ea9970d');"),
            RuleExample("CREATE TABLE ↓alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));"),
            RuleExample("DELETE FROM ↓\"hbi\".\"alembic_version\" WHERE version_num = 'x';"),
            RuleExample("DROP TABLE ↓alembic_version;"),
        ],
        nonTriggeringExamples: [
            RuleExample("UPDATE hbi.hosts SET display_name = 'alembic_version';"),
            RuleExample("CREATE TABLE hbi.alembic_versions_archive (id int PRIMARY KEY);"),
            RuleExample("SELECT version_num FROM alembic_version;", note: "Reading it is harmless"),
        ])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node else { return [] }
        let targets: [(RangeVar, String)]
        if let s = node.insert { targets = [(s.relation, "inserts into")] }
        else if let s = node.update { targets = [(s.relation, "updates")] }
        else if let s = node.delete { targets = [(s.relation, "deletes from")] }
        else if let s = node.merge { targets = [(s.relation, "merges into")] }
        else if let s = node.createTable { targets = [(s.relation, "creates")] }
        else if let s = node.truncate { targets = s.relations.map { ($0, "truncates") } }
        else if let s = node.drop, s.objectKind == .table {
            return s.objects.filter { $0.last == "alembic_version" }.map { parts in
                Violation(range: locate(parts, in: statement), message: "drops alembic's `\(parts.joined(separator: "."))` table",
                          fix: statement.fullRange)
            }
        } else { return [] }
        return targets.filter { $0.0.name == "alembic_version" }.map { relation, verb in
            let start = statement.range.lowerBound + relation.location
            return Violation(range: start..<start + nameLength(at: start, in: context.file),
                             message: "\(verb) alembic's `\(relation.qualifiedName)` table, which the replicated database does not have",
                             fix: statement.fullRange)
        }
    }

    /// DROP carries no location per object: point at the name in the text.
    private func locate(_ parts: [String], in statement: Statement) -> Range<Int> {
        let bytes = Array(statement.text.utf8)
        let needle = Array("alembic_version".utf8)
        if let i = (0...max(0, bytes.count - needle.count)).first(where: { bytes[$0...].starts(with: needle) }) {
            var start = i
            while start > 0 && (bytes[start - 1] == 0x2E || bytes[start - 1] == 0x22 || isNamePart(bytes[start - 1])) { start -= 1 }
            return statement.range.lowerBound + start..<statement.range.lowerBound + i + needle.count
        }
        return statement.range
    }

    private func isNamePart(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == 0x5F || (0x30...0x39).contains(b)
    }

    /// Length of a possibly qualified, possibly quoted name starting at `start`.
    private func nameLength(at start: Int, in file: SourceFile) -> Int {
        var i = start
        var quoted = false
        while i < file.bytes.count {
            let b = file.bytes[i]
            if b == 0x22 { quoted.toggle() } else if !quoted && !(isNamePart(b) || b == 0x2E) { break }
            i += 1
        }
        return max(1, i - start)
    }
}
