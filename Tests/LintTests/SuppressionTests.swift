import Testing
import Lint
import Rules
import SQLSource

@Suite struct SuppressionTests {
    func linted(_ sql: String, _ config: Configuration = Configuration()) throws -> (findings: [Finding], suppressed: [SuppressedFinding]) {
        Linter(rules: RuleRegistry.all, configuration: config, resolver: RuleRegistry.resolver).lintWithSuppressed(try SQLDocument(text: sql))
    }

    func rules(_ sql: String) throws -> [RuleID] { try linted(sql).findings.map(\.ruleID) }

    @Test func statementSuppressionCoversOnlyTheNextStatement() throws {
        let sql = """
        -- replint-ignore alembic-version-table kept on purpose
        UPDATE alembic_version SET version_num = 'b';
        DELETE FROM alembic_version;
        """
        #expect(try rules(sql) == ["alembic-version-table"])
    }

    @Test func suppressionMustBeOnTheLineBefore() throws {
        let sql = "-- replint-ignore alembic-version-table too far away\n\nUPDATE alembic_version SET version_num = 'b';"
        #expect(try rules(sql).sorted() == ["alembic-version-table", "unused-suppression"])
    }

    @Test func fileSuppressionCoversEveryStatement() throws {
        let sql = "SELECT 1;\nUPDATE alembic_version SET version_num = 'b';\n-- replint-ignore-file alembic-version-table run by hand\nDELETE FROM alembic_version;"
        let result = try linted(sql)
        #expect(result.findings.isEmpty)
        #expect(result.suppressed.count == 2)
        #expect(result.suppressed.allSatisfy { $0.fileWide && $0.reason == "run by hand" })
    }

    @Test(arguments: [
        "UPDATE alembic_version -- replint-ignore alembic-version-table history kept\n   SET version_num = 'b';",
        "UPDATE alembic_version\n   SET version_num = 'b'; -- replint-ignore alembic-version-table history kept",
        "UPDATE alembic_version SET version_num = 'b'; /* replint-ignore alembic-version-table history kept */",
    ])
    func aCommentAtTheEndOfAnyLineOfTheStatementSuppressesIt(sql: String) throws {
        let result = try linted(sql + "\nDELETE FROM alembic_version;\n")
        #expect(result.findings.map(\.ruleID) == ["alembic-version-table"])
        #expect(result.findings.first?.start.line == sql.split(separator: "\n").count + 1)
        #expect(result.suppressed.map(\.reason) == ["history kept"])
    }

    @Test func aTrailingCommentBelongsToItsOwnLinesStatementNotTheNext() throws {
        let sql = "SELECT 1; -- replint-ignore alembic-version-table meant for SELECT\nUPDATE alembic_version SET version_num = 'b';"
        #expect(try rules(sql).sorted() == ["alembic-version-table", "unused-suppression"])
    }

    @Test func severalIdsInOneComment() throws {
        let sql = "-- replint-ignore alembic-version-table, syntax-error reason here\nUPDATE alembic_version SET version_num = 'b' WHERE;"
        let found = try rules(sql)
        #expect(!found.contains("syntax-error"))
        // The statement does not parse, so alembic-version-table has nothing to say: that id is unused.
        #expect(found == ["unused-suppression"])
    }

    @Test func idsWithoutASpaceAfterTheCommaAndInAnyCase() throws {
        let sql = "-- replint-ignore Syntax-Error,alembic-version-table the reason\nUPDATE alembic_version SET version_num = 'b' WHERE;"
        #expect(try rules(sql) == ["unused-suppression"])
    }

    @Test func aSuppressionWithoutReasonHoldsAndIsReported() throws {
        let result = try linted("-- replint-ignore alembic-version-table\nUPDATE alembic_version SET version_num = 'b';")
        #expect(result.findings.map(\.ruleID) == ["suppression-without-reason"])
        #expect(result.findings.first?.severity == .warning)
        #expect(result.suppressed.map(\.finding.ruleID) == ["alembic-version-table"])
        #expect(result.suppressed.first?.reason == nil)
    }

    @Test func anUnknownIdSuggestsTheNearestRule() throws {
        let result = try linted("-- replint-ignore alembic-version-tabel typo here\nUPDATE alembic_version SET version_num = 'b';")
        #expect(result.findings.map(\.ruleID).sorted() == ["alembic-version-table", "unused-suppression"])
        let message = try #require(result.findings.first { $0.ruleID == "unused-suppression" }?.message)
        #expect(message.contains("`alembic-version-tabel` is not a rule replint knows (did you mean `alembic-version-table`?)"))
    }

    @Test func aCategoryIsNotASuppression() throws {
        let found = try rules("-- replint-ignore alembic not a rule id\nUPDATE alembic_version SET version_num = 'b';")
        #expect(found.sorted() == ["alembic-version-table", "unused-suppression"])
    }

    /// The registry's lookup is the engine's: a name it resolves (an alias, say) silences its rule.
    @Test func idsResolveThroughTheLookupTheCallerGives() throws {
        let resolver = RuleResolver(names: ["old-name"]) { $0 == "old-name" ? .alembicVersionTable : RuleRegistry.resolver.resolve($0) }
        let linter = Linter(rules: RuleRegistry.all, resolver: resolver)
        let result = linter.lintWithSuppressed(try SQLDocument(text: "-- replint-ignore old-name its old id\nUPDATE alembic_version SET version_num = 'b';"))
        #expect(result.findings.isEmpty)
        #expect(result.suppressed.map(\.finding.ruleID) == ["alembic-version-table"])
    }

    /// squawk's id for the same cause, as the registry declares it.
    @Test func aRulesAliasSilencesIt() throws {
        let sql = "BEGIN;\n-- replint-ignore Transaction-Nesting the outer pair is the runner's\nBEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;\n"
        let plain = try linted(sql.replacingOccurrences(of: "-- replint-ignore Transaction-Nesting the outer pair is the runner's\n", with: "-- a comment\n"))
        #expect(plain.findings.map(\.ruleID).contains("transaction-control"))
        let result = try linted(sql)
        #expect(!result.findings.map(\.ruleID).contains("unused-suppression"))
        #expect(result.suppressed.map(\.finding.ruleID).contains("transaction-control"))
    }

    @Test func aSuppressionOfARuleThatIsOffIsNotUnused() throws {
        var config = Configuration()
        config.ruleSettings["alembic-version-table"] = .off
        #expect(try linted("-- replint-ignore alembic-version-table the reason\nSELECT 1;", config).findings.isEmpty)
    }

    @Test func turningTheRuleOffReportsNothing() throws {
        var config = Configuration()
        config.ruleSettings["unused-suppression"] = .off
        #expect(try linted("-- replint-ignore syntax-error the reason\nSELECT 1;", config).findings.isEmpty)
    }
}
