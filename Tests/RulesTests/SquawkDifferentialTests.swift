import Foundation
import Testing
import Lint
import Rules
import SQLSource

/// squawk 2.70 (PyPI `squawk-cli`, installed by `make test-deps`) against
/// replint over the repository's SQL and alembic offline output generated
/// now: every squawk finding with its default configuration, on a statement
/// about something that existed before its file, must have a replint finding
/// under the same id on the same statement, unless it is one of the
/// exceptions below (the README lists them with the same reasons). squawk
/// ids replint does not know yet are left out: the registry decides.
@Suite struct SquawkDifferentialTests {
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
    ]

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

    func inputs(_ scratch: URL) throws -> [URL] {
        var files: [URL] = []
        for folder in ["Tests/Fixtures", "app_migrations"] {
            let root = Self.repository.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "sql" { files.append(url) }
            }
        }
        // Alembic's offline SQL as it prints it now: statements on stdout, its log on stderr.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3", "-m", "alembic", "-c", "alembic.ini", "upgrade", "base:head", "--sql"]
        process.currentDirectoryURL = Self.repository.appendingPathComponent("Tests/Fixtures/alembic-project")
        process.environment = ProcessInfo.processInfo.environment.merging(["FIXTURE_LOG_FORMAT": "default", "PYTHONDONTWRITEBYTECODE": "1"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sql = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "alembic could not generate offline SQL (make test-deps installs it)")
        let generated = scratch.appendingPathComponent("alembic-offline.sql")
        try sql.write(to: generated)
        return files + [generated]
    }

    @Test func everySquawkFindingOnAnExistingObjectHasAReplintFinding() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.squawk), "squawk 2.70 is not installed at \(Self.squawk): run `make test-deps`")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("replint-squawk-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var compared = 0
        for url in try inputs(scratch) {
            let document = SQLDocument(try SourceFile.read(path: url.path))
            let replint = withExtendedLifetime(document) { Linter(rules: RuleRegistry.all).lint(document) }
            for finding in try squawkFindings(url.path, in: scratch) where Self.ruleExceptions[finding.rule] == nil {
                guard let rule = RuleRegistry.rule(RuleID(rawValue: finding.rule)) else { continue }
                let at = offset(finding, in: document.file)
                guard let statement = document.statements.first(where: { $0.fullRange.contains(at) || $0.range.lowerBound == at }),
                      !touchesCreatedObject(statement, document) else { continue }
                let pointed = document.file.text(at..<min(statement.range.upperBound, at + 40))
                if Self.findingExceptions.contains(where: { $0.rule == finding.rule && $0.applies(pointed) }) { continue }
                if Self.statementExceptions.contains(where: { $0.rule == finding.rule && $0.applies(statement.text) }) { continue }
                compared += 1
                let matched = replint.contains { $0.ruleID == rule.id && statement.fullRange.contains($0.range.lowerBound) }
                #expect(matched, "\(url.lastPathComponent):\(finding.line + 1): squawk reports \(finding.rule) on `\(statement.head)`, replint does not")
            }
        }
        #expect(compared > 0, "no squawk finding was compared: the inputs or squawk's output changed")
    }
}
