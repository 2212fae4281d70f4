import Foundation
import SQLSource
import Testing
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// Paths inside the repository, whatever the working directory.
enum RehearsalFixtures {
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static func path(_ relative: String) -> String { "\(repository)/\(relative)" }
}

@Suite(.serialized)
struct RehearsalLoaderTests {
    @Test func loadsTheRealBaselineWithItsPublication() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let outcome = try SQLLoader(missingRoles: .create).load(
                path: RehearsalFixtures.path("app_migrations/schema.sql"), into: connection)
            #expect(outcome.statements > 50)
            #expect(outcome.skippedMetaCommands == 2)
            #expect(try connection.execute("SELECT to_regclass('hbi.hosts') IS NOT NULL").rows == [["t"]])
            let published = try connection.execute(
                "SELECT schemaname || '.' || tablename FROM pg_publication_tables ORDER BY 1").rows.map { $0[0] }
            #expect(published.contains("hbi.hosts"))
            // The dump empties search_path for its own use; the loader resets it.
            #expect(try connection.execute("SHOW search_path").rows == [["\"$user\", public"]])
        }
    }

    @Test func createsMissingRolesOnItsOwnCluster() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let outcome = try SQLLoader(missingRoles: .create).load(
                path: RehearsalFixtures.path("Tests/Fixtures/pgdump/rich-schema.sql"), into: connection)
            #expect(Set(outcome.createdRoles) == ["app_owner", "app_reader", "app_writer"])
            #expect(try connection.execute(
                "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'app.orders'::regclass").rows == [["app_owner"]])
            #expect(try connection.execute(
                "SELECT has_table_privilege('app_reader', 'app.orders', 'SELECT')").rows == [["t"]])
        }
    }

    @Test func neverCreatesRolesInsideSomeoneElsesTransaction() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute("BEGIN")
            let outcome = try SQLLoader(missingRoles: .skip).load(
                path: RehearsalFixtures.path("Tests/Fixtures/pgdump/rich-schema.sql"), into: connection)
            #expect(outcome.createdRoles.isEmpty)
            #expect(outcome.notes.contains { $0.contains("role \"app_owner\" does not exist") && $0.contains("rich-schema.sql:28") })
            // The skipped statements did not abort the transaction.
            #expect(connection.transactionStatus == .inTransaction)
            #expect(try connection.execute("SELECT to_regclass('app.orders') IS NOT NULL").rows == [["t"]])
            try connection.execute("ROLLBACK")
            #expect(try connection.execute("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'app\\_%'").rows == [["0"]])
        }
    }

    @Test func loadsCopyDataExactly() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let outcome = try SQLLoader(missingRoles: .create).load(
                path: RehearsalFixtures.path("Tests/Fixtures/pgdump/with-data.sql"), into: connection)
            #expect(outcome.copiedRows > 6)
            func value(_ sql: String) throws -> String? { try connection.execute(sql).rows.first?[0] ?? nil }
            #expect(try value("SELECT count(*) FROM shop.products") == "6")
            #expect(try value("SELECT count(*) FROM shop.empty_table") == "0")
            #expect(try value("SELECT name FROM shop.products WHERE id = 2") == "Tabbed\twidget")
            #expect(try value("SELECT description FROM shop.products WHERE id = 2") == "First line\nsecond line\n\tindented")
            #expect(try value("SELECT description FROM shop.products WHERE id = 4")
                    == "DROP TABLE shop.products;\n-- not a comment\nCOPY x FROM stdin;")
            #expect(try value("SELECT description FROM shop.products WHERE id = 3")
                    == "path C:\\temp\\new; and a lone \\. on its own:\n\\.\nend")
            #expect(try value("SELECT encode(thumbnail, 'hex') FROM shop.products WHERE id = 2") == "deadbeef")
            #expect(try value("SELECT description IS NULL FROM shop.products WHERE id = 6") == "t")
            #expect(try value("SELECT name FROM shop.products WHERE id = 5") == "Ünïcödé widget ☃")
            #expect(try value("SELECT body FROM shop.reviews WHERE id = 2") == "Line one\r\nLine two (CRLF inside)")
        }
    }

    @Test func aFailingStatementIsNamedByFileAndLine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("broken.sql", "CREATE TABLE a (id int);\n\nCREATE TABLE b (id int REFERENCES missing (id));\n")
        try withCluster { cluster in
            let connection = try cluster.connect()
            let error = try #require(throws: SQLLoader.LoadError.self) {
                try SQLLoader(missingRoles: .create).load(path: "\(scratch.path)/broken.sql", into: connection)
            }
            #expect(error.line == 3)
            #expect(error.sqlstate == "42P01")
            #expect(error.description.contains("broken.sql:3"))
        }
    }
}
