import Testing
import Lint
import PGClient
import PGServers
import PGTestSupport
import Rules
import Schema
import SQLSource

/// Statements the SQL parser accepts and PostgreSQL rejects when it runs
/// them: each is run on a throwaway cluster, and replint's finding on the
/// same text must carry PostgreSQL's own words and point where they say.
@Suite struct RejectedStatementTests {
    static let schema = """
        CREATE SCHEMA hbi;
        CREATE TYPE hbi.state AS ENUM ('up', 'down');
        CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state, name text);
        """

    func findings(_ sql: String, rule: RuleID) throws -> [Finding] {
        var linter = Linter(rules: RuleRegistry.all)
        linter.baselines = try Baselines.fromSQL(Self.schema)
        let document = try SQLDocument(path: "migration.sql", text: sql)
        return withExtendedLifetime(document) { linter.lint(document) }.filter { $0.ruleID == rule }
    }

    /// PostgreSQL's error for `sql`, run after the schema in one session.
    func serverError(_ sql: String) throws -> ServerError {
        try withCluster { cluster in
            let connection = try cluster.connect()
            _ = try connection.execute(Self.schema)
            do {
                _ = try connection.execute(sql)
            } catch PostgresError.server(let error) {
                return error
            }
            Issue.record("PostgreSQL accepted: \(sql)")
            return ServerError(sqlstate: "00000", severity: "NONE", message: "")
        }
    }

    @Test func raiseWithPythonPercentSigns() throws {
        let sql = "DO $$\nBEGIN\n  RAISE NOTICE 'left: %% rows', 1;\nEND\n$$;"
        let error = try serverError(sql)
        #expect(error.message == "too many parameters specified for RAISE")
        #expect(error.context?.contains("line 3") == true, "\(error.context ?? "")")
        let found = try findings(sql, rule: .plpgsqlSyntaxError)
        #expect(found.count == 1)
        #expect(found.first?.message.contains(error.message) == true)
        #expect(found.first?.start == SourceLocation(line: 3, column: 3), "the finding points at the body line PostgreSQL names")
        #expect(found.first?.help.contains("RAISE NOTICE 'left: % rows', 1;") == true)
    }

    @Test func functionBodyCheckedAtCreate() throws {
        let sql = """
            SELECT 1;
            CREATE FUNCTION hbi.touch() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
              NEW.name := 'x'
              RETURN NEW;
            END
            $body$;
            """
        let error = try serverError(sql)
        #expect(error.message.hasPrefix("syntax error at or near"))
        // At CREATE FUNCTION PostgreSQL points at the token (`NEW` of `RETURN NEW`, line 5);
        // libpg_query names the line of the PL/pgSQL statement it was reading, the one that lacks its `;`.
        let position = try #require(error.position)
        #expect(sql.prefix(position - 1).filter { $0 == "\n" }.count + 1 == 5)
        let found = try findings(sql, rule: .plpgsqlSyntaxError)
        #expect(found.first?.message.contains(error.message) == true, "\(found.map(\.message)) vs \(error.message)")
        #expect(found.first?.start == SourceLocation(line: 4, column: 3))
    }

    @Test func duplicateAssignment() throws {
        let sql = "UPDATE hbi.hosts SET name = 'a', name = 'b' WHERE id = 1;"
        let error = try serverError(sql)
        #expect(error.message == "multiple assignments to same column \"name\"")
        let found = try findings(sql, rule: .banDuplicateColumnAssignments)
        #expect(found.map(\.message) == ["PostgreSQL would reject this statement: \(error.message)"])
    }

    @Test func duplicateInsertColumn() throws {
        let sql = "INSERT INTO hbi.hosts (id, name, name) VALUES (1, 'a', 'b');"
        let error = try serverError(sql)
        #expect(error.message == "column \"name\" specified more than once")
        let found = try findings(sql, rule: .banDuplicateColumnAssignments)
        #expect(found.map(\.message) == ["PostgreSQL would reject this statement: \(error.message)"])
    }

    @Test func newEnumValueUsedInItsTransaction() throws {
        let sql = "BEGIN;\nALTER TYPE hbi.state ADD VALUE 'starting';\nUPDATE hbi.hosts SET state = 'starting' WHERE state = 'up';\nCOMMIT;"
        let error = try serverError(sql)
        #expect(error.sqlstate == "55P04")
        #expect(error.message == "unsafe use of new value \"starting\" of enum type hbi.state")
        let found = try findings(sql, rule: .enumValueUsedBeforeCommit)
        #expect(found.count == 1)
        #expect(found.first?.message.contains(error.message) == true, "\(found.map(\.message))")
    }

    @Test func newEnumValueAfterCommitWorks() throws {
        let sql = "BEGIN;\nALTER TYPE hbi.state ADD VALUE 'starting';\nCOMMIT;\nUPDATE hbi.hosts SET state = 'starting' WHERE state = 'up';"
        try withCluster { cluster in
            let connection = try cluster.connect()
            _ = try connection.execute(Self.schema)
            _ = try connection.execute(sql)
        }
        #expect(try findings(sql, rule: .enumValueUsedBeforeCommit).isEmpty)
    }
}
