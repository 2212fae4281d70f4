import Foundation
import Testing
import Lint
import PGClient
import PGServers
import PGTestSupport
import Rules
import Schema
import SQLSource

/// squawk 2.70 (PyPI `squawk-cli`, installed by `make test-deps`) against
/// replint over the repository's SQL and SQL generated now (alembic offline
/// output, Django `sqlmigrate`, pg_dump of a database built on a throwaway
/// cluster; SquawkDifferentialInputs.swift): every squawk finding with its default configuration, on a statement
/// about something that existed before its file, must have a replint finding
/// under the same id on the same statement, unless it is one of the
/// exceptions below (the README lists them with the same reasons). squawk
/// ids replint does not know yet are left out: the registry decides.
@Suite(.serialized) struct SquawkDifferentialTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var squawk: String {
        ProcessInfo.processInfo.environment["REPLINT_SQUAWK"] ?? repository.appendingPathComponent(".build/squawk-venv/bin/squawk").path
    }

    /// squawk rules replint does not follow, and why.
    static let ruleExceptions: [String: String] = [
        "syntax-error": "squawk has a parser of its own; replint's syntax-error is PostgreSQL's parser (libpg_query)",
        "require-lock-timeout": "off by default: `replint run` sets lock_timeout before the file",
        "require-statement-timeout": "off by default: `replint run` sets statement_timeout when asked",
        "require-timeout-settings": "squawk's older name of the two above",
        "prefer-robust-stmts": "off by default: alembic's offline SQL runs in one transaction, where IF NOT EXISTS buys nothing",
    ]

    /// Single findings replint leaves out on purpose: (rule, test on the text squawk points at, reason).
    static let findingExceptions: [(rule: String, applies: @Sendable (String) -> Bool, reason: String)] = [
        ("ban-char-field", { $0.hasPrefix("\"char\"") }, "`\"char\"` is PostgreSQL's one-byte internal type, not character(n)"),
        ("prefer-timestamp-tz", { !$0.lowercased().hasPrefix("timestamp") && !$0.lowercased().hasPrefix("pg_catalog.timestamp") },
         "squawk 2.70 reports `\"varchar\"(n)` as a timestamp"),
    ]

    /// Whole statements replint leaves out on purpose: (rule, test on the statement, reason).
    static let statementExceptions: [(rule: String, applies: @Sendable (String) -> Bool, reason: String)] = [
        ("ban-create-domain-with-constraint", { !$0.uppercased().contains("CHECK") && !$0.uppercased().contains("NOT NULL") },
         "a domain with only a DEFAULT constrains nothing"),
        ("adding-required-field", { $0.lowercased().contains("serial") }, "a serial column fills itself"),
        ("constraint-missing-not-valid", { Self.addsKeyOnly($0) },
         "PRIMARY KEY and UNIQUE constraints cannot be NOT VALID (PostgreSQL: `PRIMARY KEY constraints cannot be marked NOT VALID`); "
            + "replint reports their index build as adding-serial-primary-key-field or disallowed-unique-constraint"),
        ("require-concurrent-index-creation", { $0.uppercased().contains(" ON ONLY ") },
         "CREATE INDEX ... ON ONLY a partitioned table builds no index: an invalid one on the parent, attached to later (pg_dump writes it)"),
    ]

    /// squawk findings replint reports under another id, for the same cause on the same statement (one cause, one finding):
    /// (squawk's rule, test on the statement, replint's rule, reason).
    static let sameCause: [(rule: String, applies: @Sendable (String) -> Bool, replint: RuleID, reason: String)] = [
        ("constraint-missing-not-valid", { $0.uppercased().contains("FOREIGN KEY") }, .addingForeignKeyConstraint,
         "a foreign key added without NOT VALID is one cause, the validating scan under SHARE ROW EXCLUSIVE"),
    ]

    /// An ALTER TABLE that adds a PRIMARY KEY or UNIQUE constraint and no CHECK or FOREIGN KEY.
    static func addsKeyOnly(_ statement: String) -> Bool {
        let text = statement.uppercased()
        return (text.contains("PRIMARY KEY") || text.contains("UNIQUE")) && !text.contains("CHECK") && !text.contains("FOREIGN KEY")
    }

    struct SquawkFinding { let rule: String; let line: Int; let column: Int }

    func squawkFindings(_ path: String, in directory: URL) throws -> [SquawkFinding] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.squawk)
        process.arguments = ["--reporter", "json", path]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let items = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "squawk printed no JSON for \(path)")
        return items.compactMap { item in
            guard let rule = item["rule_name"] as? String, let line = item["line"] as? Int, let column = item["column"] as? Int else { return nil }
            return SquawkFinding(rule: rule, line: line, column: column)
        }
    }

    /// The byte offset of squawk's 0-based line and column (characters).
    func offset(_ finding: SquawkFinding, in file: SourceFile) -> Int {
        let line = min(finding.line, file.lines.count - 1)
        var i = file.lines.starts[line], column = finding.column
        while column > 0 && i < file.bytes.count {
            i += 1
            while i < file.bytes.count && file.bytes[i] & 0xC0 == 0x80 { i += 1 }
            column -= 1
        }
        return i
    }

    /// Names the file created before `statement`, and the names the statement is about.
    func touchesCreatedObject(_ statement: Statement, _ document: SQLDocument) -> Bool {
        var created: Set<String> = []
        for earlier in document.statements.prefix(statement.index) {
            guard let node = earlier.node else { continue }
            let names = [node.createTable?.relation.name, node.createdByQuery?.relation.name, node.createdView?.name,
                         node.createSequence?.relation.name, node.createEnum?.names.last, node.createDomain?.names.last,
                         node.createSchema?.name, node.createFunction?.name.last, node.createIndex?.name, node.createdExtension]
            created.formUnion(names.compactMap { $0 })
        }
        guard let node = statement.node, !created.isEmpty else { return false }
        let roots = [node.alterTable?.relation, node.insert?.relation, node.update?.relation, node.delete?.relation,
                     node.rename?.relation, node.alterObjectSchema?.relation, node.createIndex?.relation].compactMap { $0?.name }
        let objects = (node.drop?.objectNameParts ?? []).compactMap(\.last) + (node.truncate?.relations.map(\.name) ?? [])
            + [node.alterEnum?.names.last, node.alterDomain?.names.last, node.rename?.object?.nameParts.last,
               node.rename?.objectKind == .schema ? node.rename?.oldName : nil].compactMap { $0 }
        let touched = roots + objects + node.subtree().compactMap(\.rangeVar).map(\.name)
        return touched.contains { created.contains($0) }
    }

    func inputs(_ scratch: URL, on cluster: EphemeralCluster) throws -> [Input] {
        var files: [Input] = []
        for folder in ["Tests/Fixtures", "app_migrations"] {
            let root = Self.repository.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "sql" { files.append(Input(url: url, baseline: nil, kind: "repository files")) }
            }
        }
        return files + [try Self.alembicOffline(scratch)] + (try Self.djangoMigrations(scratch, on: cluster))
            + [try Self.pgDump(scratch, on: cluster)]
    }

    /// What one run compared, for the log and for the README's numbers.
    struct Counts: CustomStringConvertible {
        var files = 0, statements = 0, squawkFindings = 0, onCreatedObjects = 0, unknownRules = 0
        var compared = 0, matched = 0, rulesNotFollowed = 0, exceptions = 0, sameCause = 0
        mutating func add(_ after: Counts, minus before: Counts) {
            files += after.files - before.files; statements += after.statements - before.statements
            squawkFindings += after.squawkFindings - before.squawkFindings; onCreatedObjects += after.onCreatedObjects - before.onCreatedObjects
            unknownRules += after.unknownRules - before.unknownRules; compared += after.compared - before.compared
            matched += after.matched - before.matched; rulesNotFollowed += after.rulesNotFollowed - before.rulesNotFollowed
            exceptions += after.exceptions - before.exceptions; sameCause += after.sameCause - before.sameCause
        }

        var description: String {
            "\(files) files, \(statements) statements, \(squawkFindings) squawk findings: \(rulesNotFollowed) of rules replint does not follow, "
                + "\(onCreatedObjects) on objects the file created, \(unknownRules) under ids replint does not have, \(exceptions) listed exceptions, "
                + "\(compared) compared, \(matched) matched (\(sameCause) under replint's id for the same cause)"
        }
    }

    @Test func everySquawkFindingOnAnExistingObjectHasAReplintFinding() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.squawk), "squawk 2.70 is not installed at \(Self.squawk): run `make test-deps`")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("replint-squawk-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["REPLINT_KEEP_SCRATCH"] == nil { try? FileManager.default.removeItem(at: scratch) } }
        var counts = Counts()
        var byKind: [String: Counts] = [:]
        let inputs = try withCluster { cluster in try self.inputs(scratch, on: cluster) }
        for input in inputs {
            let before = counts
            defer { byKind[input.kind, default: Counts()].add(counts, minus: before) }
            let url = input.url
            let document = SQLDocument(try SourceFile.read(path: url.path))
            var linter = Linter(rules: RuleRegistry.all)
            if let baseline = input.baseline {
                let loaded = try Baselines.fromSQL(baseline)
                #expect(loaded.syntaxErrors.isEmpty, "\(url.lastPathComponent): its baseline does not parse")
                linter.baselines = loaded
            }
            let replint = withExtendedLifetime(document) { linter.lint(document) }
            counts.files += 1
            counts.statements += document.statements.count
            for finding in try squawkFindings(url.path, in: scratch) {
                counts.squawkFindings += 1
                if Self.ruleExceptions[finding.rule] != nil { counts.rulesNotFollowed += 1; continue }
                guard let rule = RuleRegistry.rule(RuleID(rawValue: finding.rule)) else { counts.unknownRules += 1; continue }
                let at = offset(finding, in: document.file)
                guard let statement = document.statements.first(where: { $0.fullRange.contains(at) || $0.range.lowerBound == at }),
                      !touchesCreatedObject(statement, document) else { counts.onCreatedObjects += 1; continue }
                let pointed = document.file.text(at..<min(statement.range.upperBound, at + 40))
                if Self.findingExceptions.contains(where: { $0.rule == finding.rule && $0.applies(pointed) })
                    || Self.statementExceptions.contains(where: { $0.rule == finding.rule && $0.applies(statement.text) }) {
                    counts.exceptions += 1
                    continue
                }
                counts.compared += 1
                let ids = [rule.id] + Self.sameCause.filter { $0.rule == finding.rule && $0.applies(statement.text) }.map(\.replint)
                let matched = replint.contains { ids.contains($0.ruleID) && statement.fullRange.contains($0.range.lowerBound) }
                if matched { counts.matched += 1 }
                if ids.count > 1 { counts.sameCause += 1 }
                #expect(matched, "\(url.lastPathComponent):\(finding.line + 1): squawk reports \(finding.rule) on `\(statement.head)`, replint does not")
            }
        }
        for (kind, part) in byKind.sorted(by: { $0.key < $1.key }) { print("squawk differential, \(kind): \(part)") }
        print("squawk differential: \(counts)")
        #expect(counts.compared > 0, "no squawk finding was compared: the inputs or squawk's output changed")
    }

    /// The reason for the PRIMARY KEY / UNIQUE exception, in PostgreSQL's words.
    @Test func keysCannotBeAddedNotValid() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            defer { connection.close() }
            try connection.execute("CREATE TABLE t (id int)")
            for kind in ["PRIMARY KEY", "UNIQUE"] {
                do {
                    try connection.execute("ALTER TABLE t ADD CONSTRAINT k \(kind) (id) NOT VALID")
                    Issue.record("\(kind) NOT VALID was accepted")
                } catch PostgresError.server(let error) {
                    #expect(error.message == "\(kind) constraints cannot be marked NOT VALID")
                }
            }
        }
    }
}
