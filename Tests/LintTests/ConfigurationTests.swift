import Testing
@testable import Lint
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ConfigurationTests {
    func load(_ yaml: String) throws -> Configuration {
        var template = Array("/tmp/replint-config-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        let path = dir + "/.replint.yml"
        let f = fopen(path, "w")!
        fputs(yaml, f)
        fclose(f)
        defer { unlink(path); rmdir(dir) }
        return try ConfigurationLoader.load(path: path, knownRules: ["alembic-log-line", "prefer-text-field"])
    }

    @Test func readsEveryKey() throws {
        let config = try load("""
        schema: app_migrations/schema.sql
        schema_revision: 1e276ea9970d
        search_path: [hbi, public]
        postgres_version: 15
        replication:
          tables: [hbi.hosts, hbi.groups]
          apply_order: publisher-first
          files: {"app_migrations/*drop*.sql": publisher-first}
        rules: {alembic-log-line: off, prefer-text-field: warning}
        exclude: ["app_migrations/legacy/**"]
        fail_on: warning
        """)
        #expect(config.schema == .shared(["app_migrations/schema.sql"]))
        #expect(config.schemaRevision == "1e276ea9970d")
        #expect(config.searchPath == ["hbi", "public"])
        #expect(config.replicatedTables == ["hbi.hosts", "hbi.groups"])
        #expect(config.applyOrder == .publisherFirst)
        #expect(config.fileApplyOrders.map(\.glob) == ["app_migrations/*drop*.sql"])
        #expect(config.ruleSettings["alembic-log-line"] == .off)
        #expect(config.ruleSettings["prefer-text-field"] == .warning)
        #expect(config.exclude == ["app_migrations/legacy/**"])
        #expect(config.failOn == .warning)
    }

    @Test func schemaForBothSides() throws {
        let config = try load("schema: {publisher: pub.sql, subscriber: sub.sql}\n")
        #expect(config.schema == .sides(publisher: "pub.sql", subscriber: "sub.sql"))
        #expect(config.baselineFiles == ["pub.sql", "sub.sql"])
    }

    /// A trailing slash is added, so `ID.md` always completes a page's URL.
    @Test func rulePagesIsAURLPrefix() throws {
        #expect(try load("rule_pages: https://example.com/replint/rules\n").rulePages == "https://example.com/replint/rules/")
        #expect(try load("fail_on: error\n").rulePages == nil)
    }

    @Test(arguments: [
        ("schema: a.sql\nschemas: b.sql\n", 2, "schemas"),
        ("replication:\n  apply_order: sideways\n", 2, "apply_order"),
        ("rules:\n  no-such-rule: off\n", 2, "no-such-rule"),
        ("rules:\n  alembic-log-line: loud\n", 2, "alembic-log-line"),
        ("fail_on: info\n", 1, "fail_on"),
        ("postgres_version: nine\n", 1, "postgres_version"),
        ("replication:\n  tabels: [a]\n", 2, "tabels"),
        ("fail_on: error\nrule_pages: rules/\n", 2, "rule_pages"),
    ])
    func badKeysAndValuesNameTheKeyAndLine(yaml: String, line: Int, key: String) {
        do {
            _ = try load(yaml)
            Issue.record("accepted: \(yaml)")
        } catch let error as ConfigurationError {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(key), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func ruleIdsAreCaseInsensitive() throws {
        let config = try load("rules: {Alembic-Log-Line: off}\n")
        #expect(config.ruleSettings["alembic-log-line"] == .off)
    }

    @Test func anUnknownRuleSuggestsTheNearestId() {
        do {
            _ = try load("rules:\n  alembic-log-lin: off\n")
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains(":2: unknown rule `alembic-log-lin` under `rules` (did you mean `alembic-log-line`?)"), "\(error)")
        }
    }

    @Test func invalidYAMLIsAnErrorWithItsLine() {
        do {
            _ = try load("fail_on: error\nschema: [unclosed\n")
            Issue.record("accepted")
        } catch let error as ConfigurationError {
            #expect(error.message.hasPrefix("is not valid YAML: "), "\(error)")
            #expect(error.line == 3, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// libyaml lets an anchored collection contain its own alias, and
    /// aliases can multiply a small file into billions of nodes: both are
    /// refused instead of recursing or expanding forever.
    @Test(arguments: [
        "schema: &a [*a]\n",
        (["a: &a [x, x, x, x, x, x, x, x, x, x]"] + (1...9).map { "\(Character(UnicodeScalar(97 + $0)!)): &\(Character(UnicodeScalar(97 + $0)!)) [" + String(repeating: "*\(Character(UnicodeScalar(96 + $0)!)), ", count: 10).dropLast(2) + "]" }).joined(separator: "\n") + "\n",
    ])
    func selfReferenceAndAliasBombsAreRefused(yaml: String) {
        do {
            _ = try load(yaml)
            Issue.record("accepted: \(yaml)")
        } catch let error as ConfigurationError {
            #expect(error.message.contains("nested too deeply or too large"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func quotedAndBlockScalarsAreText() throws {
        let config = try load("search_path:\n  - \"hbi\"\n  - 'public'\nschema_revision: |\n  abc\n")
        #expect(config.searchPath == ["hbi", "public"])
        #expect(config.schemaRevision == "abc\n")
    }
}

@Suite struct GlobTests {
    @Test(arguments: [
        ("app_migrations/legacy/**", "app_migrations/legacy/a/b.sql", true),
        ("app_migrations/legacy/**", "app_migrations/new.sql", false),
        ("app_migrations/*drop*.sql", "app_migrations/0042_drop_col.sql", true),
        ("app_migrations/*drop*.sql", "app_migrations/sub/drop.sql", false),
        ("**/*.sql", "x.sql", true),
        ("**/*.sql", "a/b/x.sql", true),
        ("a?c.sql", "abc.sql", true),
        ("a?c.sql", "a/c.sql", false),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob.matches(pattern, path) == expected)
    }
}
