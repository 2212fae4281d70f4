import Foundation
import Testing
@testable import PGClient
import PGServers
import PGTestSupport

@Suite(.serialized)
struct ConnectionTests {
    @Test func createInsertSelectReportTagsRowsAndValues() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let created = try connection.execute("CREATE TABLE hosts (id int PRIMARY KEY, name text, note text)")
            #expect(created.commandTag == "CREATE TABLE")
            #expect(created.rowsAffected == nil)

            let inserted = try connection.execute(
                "INSERT INTO hosts VALUES (1, 'alpha', NULL), (2, 'bêta', 'x'), (3, 'γ', '')")
            #expect(inserted.commandTag == "INSERT 0 3")
            #expect(inserted.rowsAffected == 3)

            let selected = try connection.execute("SELECT id, name, note FROM hosts ORDER BY id")
            #expect(selected.commandTag == "SELECT 3")
            #expect(selected.rowsAffected == 3)
            #expect(selected.columns == ["id", "name", "note"])
            #expect(selected.rows == [["1", "alpha", nil], ["2", "bêta", "x"], ["3", "γ", ""]])

            let updated = try connection.execute("UPDATE hosts SET note = 'y' WHERE id > 1")
            #expect(updated.commandTag == "UPDATE 2")
            #expect(updated.rowsAffected == 2)
        }
    }

    @Test func severalStatementsReturnTheLastResult() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let result = try connection.execute("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2); SELECT count(*) FROM t")
            #expect(result.rows == [["2"]])
            #expect(try connection.execute("").commandTag == "")
        }
    }

    @Test func serverErrorCarriesSQLStateAndCharacterPosition() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            // "é" is two bytes in UTF-8: the position must count characters.
            let error = try #require(throws: PostgresError.self) {
                try connection.execute("SELECT 'é', * FROM missing_table")
            }
            guard case .server(let serverError) = error else { Issue.record("not a server error: \(error)"); return }
            #expect(serverError.sqlstate == "42P01")
            #expect(serverError.severity == "ERROR")
            #expect(serverError.message == "relation \"missing_table\" does not exist")
            #expect(serverError.position == 20)
        }
    }

    @Test func serverErrorCarriesDetail() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute("CREATE TABLE t (id int PRIMARY KEY)")
            try connection.execute("INSERT INTO t VALUES (1)")
            let error = try #require(throws: PostgresError.self) { try connection.execute("INSERT INTO t VALUES (1)") }
            guard case .server(let serverError) = error else { Issue.record("not a server error: \(error)"); return }
            #expect(serverError.sqlstate == "23505")
            #expect(serverError.detail == "Key (id)=(1) already exists.")
            #expect(serverError.position == nil)
        }
    }

    @Test func noticesReachTheHandler() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            var notices: [Notice] = []
            connection.onNotice = { notices.append($0) }
            try connection.execute("DO $$ BEGIN RAISE NOTICE 'hi'; RAISE WARNING 'careful' USING HINT = 'look'; END $$")
            #expect(notices.map(\.message) == ["hi", "careful"])
            #expect(notices.map(\.severity) == ["NOTICE", "WARNING"])
            #expect(notices.last?.hint == "look")
        }
    }

    @Test func cancelFromAnotherThreadStopsARunningStatement() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            let observer = try cluster.connect()
            let cancelled = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                // Cancel only once the sleep runs, or the request would be lost.
                for _ in 0..<200 {
                    let active = try? observer.execute(
                        "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'")
                    if active?.rows.isEmpty == false { break }
                    usleep(25_000)
                }
                try? connection.cancel()
                cancelled.signal()
            }
            let error = try #require(throws: PostgresError.self) { try connection.execute("SELECT pg_sleep(30)") }
            cancelled.wait()
            guard case .server(let serverError) = error else { Issue.record("not a server error: \(error)"); return }
            #expect(serverError.sqlstate == "57014")
            #expect(try connection.execute("SELECT 1").rows == [["1"]])
        }
    }

    @Test func transactionStatusFollowsTheSession() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            #expect(connection.transactionStatus == .idle)
            try connection.execute("BEGIN")
            #expect(connection.transactionStatus == .inTransaction)
            _ = try? connection.execute("SELECT 1/0")
            #expect(connection.transactionStatus == .inFailedTransaction)
            try connection.execute("ROLLBACK")
            #expect(connection.transactionStatus == .idle)
            connection.close()
            connection.close()
            #expect(connection.transactionStatus == .unknown)
            #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        }
    }

    @Test func copyIsRefusedAndLeavesTheConnectionUsable() throws {
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute("CREATE TABLE t (a int)")
            #expect(throws: PostgresError.self) { try connection.execute("COPY t FROM STDIN") }
            #expect(throws: PostgresError.self) { try connection.execute("COPY (SELECT 1) TO STDOUT") }
            #expect(connection.transactionStatus == .idle)
            #expect(try connection.execute("SELECT 2").rows == [["2"]])
        }
    }

    @Test(arguments: [
        "postgresql://app:S3cretPw%zz@/db?host=/nonexistent",   // libpq echoes the bad token
        "postgres://app:S3cretPw@[::1",                          // libpq echoes the whole URI
        "postgresql://app:S3cretPw@/db?host=/nonexistent&port=1",
        "host=/nonexistent port=1 user=app password=S3cretPw",
        "host=/nonexistent password='S3cretPw",
    ])
    func connectionErrorsNeverShowThePassword(conninfo: String) throws {
        let error = try #require(throws: PostgresError.self) { try Connection(conninfo: conninfo) }
        guard case .connection(let message) = error else { Issue.record("not a connection error: \(error)"); return }
        #expect(!message.isEmpty)
        #expect(!message.contains("S3cretPw"))
        #expect(!"\(error)".contains("S3cretPw"))
    }

    @Test func passwordInAURLToARealServerIsNotEchoed() throws {
        try withCluster { cluster in
            let url = "postgresql://postgres:S3cretPw@/no_such_database?host=\(cluster.socketDirectory)&port=\(cluster.port)"
            let error = try #require(throws: PostgresError.self) { try Connection(conninfo: url) }
            #expect("\(error)".contains("no_such_database"))
            #expect(!"\(error)".contains("S3cretPw"))
        }
    }
}
