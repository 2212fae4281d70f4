import Foundation
import SQLSource
import Testing
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// The lock trace: which locks stall the application, for how long, and
/// which statements rewrite a table. Modes are pg_locks' own; a rewrite is
/// checked against relfilenode in a transaction of the test's own.
@Suite(.serialized)
struct RehearsalLockTests {
    static let baseline = """
        CREATE SCHEMA app;
        CREATE TABLE app.hosts (id int PRIMARY KEY, name text);
        CREATE TABLE app.notes (id int PRIMARY KEY, host_id int, body text);
        """

    private func rehearse(_ sql: String, _ check: (RehearsalReport) throws -> Void) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("baseline.sql", Self.baseline)
        try scratch.write("migration.sql", sql)
        let rehearsal = try Rehearsal.prepare(.init(schemaFiles: ["\(scratch.path)/baseline.sql"]))
        defer { rehearsal.close() }
        try check(rehearsal.rehearse(path: "\(scratch.path)/migration.sql"))
    }

    @Test func aForeignKeyTakesShareRowExclusiveOnBothTablesWhichBlocksWrites() throws {
        let file = """
            BEGIN;
            ALTER TABLE app.notes ADD CONSTRAINT notes_host_fk FOREIGN KEY (host_id) REFERENCES app.hosts (id);
            SELECT 1;
            COMMIT;
            """
        try rehearse(file) { report in
            #expect(report.exitCode == 0, "\(RehearsalText.render(report))")
            // It takes weaker locks too (ACCESS SHARE, ROW SHARE); these two block writes.
            let taken = report.statements[0].locks.filter { $0.lock.kind.isTable && $0.flagged }
            #expect(Set(taken.map { "\($0.lock.modeName) \($0.lock.relation)" })
                    == ["SHARE ROW EXCLUSIVE app.hosts", "SHARE ROW EXCLUSIVE app.notes"])
            #expect(taken.allSatisfy { $0.blocks == .writes })
            let blocking = report.blockingLocks
            #expect(Set(blocking.map(\.relation)) == ["app.hosts", "app.notes"])
            #expect(blocking.allSatisfy { $0.line == 2 && $0.mode == "SHARE ROW EXCLUSIVE" && $0.heldThroughLine == 3 })
            // Held from its statement to the end of the transaction: both statements' time.
            let both = report.statements.compactMap(\.durationMilliseconds).reduce(0, +)
            #expect(blocking.allSatisfy { $0.heldMilliseconds == both })
            let text = RehearsalText.render(report)
            #expect(text.contains("line 2: SHARE ROW EXCLUSIVE on app.notes blocks writes, held "))
            #expect(text.contains("to the end of its transaction (line 3)"))
            let json = RehearsalJSON.render(report)
            #expect(json.contains("\"blocking_locks\""))
            #expect(json.contains("\"blocks\": \"writes\""))
        }
    }

    @Test func accessExclusiveBlocksReadsAndANewTableBlocksNothing() throws {
        let file = "BEGIN;\nCREATE TABLE app.fresh (id int);\nALTER TABLE app.fresh ADD COLUMN x int;\nALTER TABLE app.hosts ADD COLUMN seen timestamptz;\nCOMMIT;\n"
        try rehearse(file) { report in
            #expect(report.exitCode == 0)
            #expect(report.blockingLocks.map { "\($0.line) \($0.mode) \($0.relation) \($0.blocks.rawValue)" }
                    == ["4 ACCESS EXCLUSIVE app.hosts reads and writes"])
            // CREATE TABLE holds ACCESS EXCLUSIVE on its table from then on; nobody else can see it yet.
            let fresh = report.statements.flatMap(\.locks).filter { $0.lock.relation == "app.fresh" }
            #expect(fresh.contains { $0.lock.modeName == "ACCESS EXCLUSIVE" })
            #expect(fresh.allSatisfy { $0.blocks == nil && !$0.existedBefore })
        }
    }

    /// What PostgreSQL itself shows: relfilenode changes under ALTER COLUMN
    /// TYPE int -> bigint and stays under ADD COLUMN without a default.
    @Test func aStatementThatRewritesATableIsNamed() throws {
        let retype = "ALTER TABLE app.hosts ALTER COLUMN id TYPE bigint"
        let addColumn = "ALTER TABLE app.notes ADD COLUMN extra int"
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute(Self.baseline)
            func fileNode(_ table: String) throws -> String? {
                try connection.execute("SELECT relfilenode::text FROM pg_class WHERE oid = '\(table)'::regclass").rows.first?[0] ?? nil
            }
            try connection.execute("BEGIN")
            let hosts = try fileNode("app.hosts"), notes = try fileNode("app.notes")
            try connection.execute(retype)
            try connection.execute(addColumn)
            #expect(try fileNode("app.hosts") != hosts)
            #expect(try fileNode("app.notes") == notes)
            try connection.execute("ROLLBACK")
        }
        try rehearse("BEGIN;\n\(retype);\n\(addColumn);\nCOMMIT;\n") { report in
            #expect(report.exitCode == 0)
            #expect(report.statements.map(\.rewrote) == [["app.hosts"], []])
            #expect(RehearsalText.render(report).contains("note: rewrote app.hosts (its relfilenode changed"))
            #expect(RehearsalJSON.render(report).contains("\"rewrote\": [\n"))
        }
    }
}
