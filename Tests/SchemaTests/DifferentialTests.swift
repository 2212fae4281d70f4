import Foundation
import PGClient
import PGServers
import SQLSource
import Testing
@testable import Schema

/// The model against a real PostgreSQL: build a rich schema on a server,
/// `pg_dump --schema-only` it, build the model from the dump, and compare it
/// with `pg_catalog` fact by fact; then apply one migration to both and
/// compare again.
@Suite(.serialized)
struct DifferentialTests {
    @Test func modelFromPgDumpMatchesTheServerBeforeAndAfterAMigration() throws {
        let cluster = try EphemeralCluster.start(.init(walLevel: "logical"))
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try run(DifferentialSQL.schema, on: connection)

        let dump = try pgDump(cluster)
        #expect(dump.contains("CREATE PUBLICATION app_pub"), "the dump carries the publication")
        let document = try SQLDocument(path: "dump.sql", text: dump)
        let loaded = BaselineLoader.load(documents: [document], searchPath: ["public"])
        #expect(loaded.syntaxErrors.map(\.message) == [])
        #expect(loaded.warnings.map(\.description) == [])

        let server = ServerFacts(connection: connection)
        try expectSame(model: ModelFacts.all(loaded.catalog), server: server.all(), stage: "after the dump")

        try run(DifferentialSQL.migration, on: connection)
        var builder = CatalogBuilder(catalog: loaded.catalog, searchPath: ["public"])
        builder.apply(try SQLDocument(path: "migration.sql", text: DifferentialSQL.migration))
        #expect(builder.warnings.map(\.description) == [])
        try expectSame(model: ModelFacts.all(builder.catalog), server: server.all(), stage: "after the migration")
    }

    /// Runs each statement on its own, as a migration runner would.
    private func run(_ sql: String, on connection: Connection) throws {
        for statement in try SQLDocument(path: "setup.sql", text: sql).statements {
            do { try connection.execute(statement.text) } catch {
                throw TestFailure("the server rejected `\(statement.head)`: \(error)")
            }
        }
    }

    private func expectSame(model: [String], server: [String], stage: String) {
        let missing = Set(server).subtracting(model).sorted()
        let extra = Set(model).subtracting(server).sorted()
        #expect(missing == [], "\(stage): the server has these facts, the model does not")
        #expect(extra == [], "\(stage): the model has these facts, the server does not")
        #expect(server.count > 50, "\(stage): the comparison covers the schema")
    }

    private func pgDump(_ cluster: EphemeralCluster) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cluster.binaries.pgDump)
        process.arguments = ["--schema-only", "-h", cluster.socketDirectory, "-p", String(cluster.port), "-U", EphemeralCluster.superuser, "postgres"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("pg_dump failed: \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
