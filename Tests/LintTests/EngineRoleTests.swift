import Testing
import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// The engine reports some findings itself, under the rule that takes each role.
@Suite struct EngineRoleTests {
    func write(_ text: String, name: String, in dir: String) -> String {
        let path = dir + "/" + name
        let f = fopen(path, "w")!
        fputs(text, f)
        fclose(f)
        return path
    }

    func lint(off: [RuleID]) -> [Finding] {
        var template = Array("/tmp/replint-roles-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        let baseline = write("CREATE TABLE t (id int);\nCREATE TABLEE broken;\n", name: "schema.sql", in: dir)
        let migration = write("ALTER TABLE t ADD COLUMN c text;\n", name: "m.sql", in: dir)
        defer { unlink(baseline); unlink(migration); rmdir(dir) }
        var configuration = Configuration()
        configuration.schema = .shared([baseline])
        for id in off { configuration.ruleSettings[id] = .off }
        return LintSession(configuration: configuration, rules: RuleRegistry.all).run(paths: [migration]).results.flatMap(\.findings)
    }

    @Test func aBaselineThatDoesNotParseIsASyntaxErrorEvenWithTheRuleOff() {
        for off in [[], [RuleID.syntaxError]] {
            let found = lint(off: off).filter { $0.ruleID == .syntaxError }
            #expect(found.map(\.start.line) == [2], "off: \(off)")
            #expect(found.first?.severity == .error)
            #expect(found.first?.category == .alembic)
        }
    }
}
