import Foundation
import Lint
import SQLSource
import Testing
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// Which baseline a rehearsal loads, and that its report says so: the
/// facts are PostgreSQL's (a table one side's baseline lacks does not
/// exist there; a schema the database already has cannot be created again).
@Suite(.serialized)
struct RehearsalBaselineTests {
    static let publisher = """
        CREATE SCHEMA app;
        CREATE TABLE app.hosts (id int PRIMARY KEY, name text);
        CREATE PUBLICATION hosts_pub FOR TABLE app.hosts;
        """
    /// The subscriber holds a table the publisher does not.
    static let subscriber = """
        CREATE SCHEMA app;
        CREATE TABLE app.hosts (id int PRIMARY KEY, name text);
        CREATE TABLE app.local_notes (id int PRIMARY KEY);
        """
    static let touchesTheSubscriberOnlyTable = "BEGIN;\nALTER TABLE app.local_notes ADD COLUMN body text;\nCOMMIT;\n"

    /// A configuration as `.replint.yml` would give, with both sides' baselines in `scratch`.
    private func sides(_ scratch: ScratchDirectory) throws -> Configuration {
        try scratch.write("publisher.sql", Self.publisher)
        try scratch.write("subscriber.sql", Self.subscriber)
        var configuration = Configuration()
        configuration.baseDirectory = scratch.path
        configuration.schema = .sides(publisher: "publisher.sql", subscriber: "subscriber.sql")
        return configuration
    }

    @Test func aSubscriberFirstFileGetsTheSubscribersBaselineAndAPublisherFirstOneThePublishers() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let configuration = try sides(scratch)
        try scratch.write("subscriber-first.sql", Self.touchesTheSubscriberOnlyTable)
        try scratch.write("publisher-first.sql", "-- replint: apply-order publisher-first\n" + Self.touchesTheSubscriberOnlyTable)
        let rehearsal = try Rehearsal.prepare(.init(configuration: configuration))
        defer { rehearsal.close() }

        let subscriberFirst = rehearsal.rehearse(path: "\(scratch.path)/subscriber-first.sql")
        #expect(subscriberFirst.exitCode == 0, "\(RehearsalText.render(subscriberFirst))")
        #expect(subscriberFirst.baseline?.side == .subscriber)
        #expect(subscriberFirst.baseline?.files.map { $0.hasSuffix("/subscriber.sql") } == [true])
        #expect(subscriberFirst.baseline?.reason.contains("declared subscriber-first") == true)
        #expect(RehearsalText.render(subscriberFirst).contains("baseline: \(scratch.path)/subscriber.sql (the subscriber's baseline"))

        let publisherFirst = rehearsal.rehearse(path: "\(scratch.path)/publisher-first.sql")
        #expect(publisherFirst.baseline?.side == .publisher)
        #expect(publisherFirst.baseline?.reason.contains("declared publisher-first (comment)") == true)
        // The publisher's baseline has no such table: PostgreSQL says so.
        #expect(publisherFirst.failure?.message == "relation \"app.local_notes\" does not exist")
        #expect(publisherFirst.exitCode == 1)
    }

    @Test func aDatabaseURLIsAssumedToHoldItsSchemaAndLoadsNoConfiguredBaseline() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let configuration = try sides(scratch)
        try scratch.write("migration.sql", "BEGIN;\nALTER TABLE app.hosts ADD COLUMN seen timestamptz;\nCOMMIT;\n")
        try withCluster { cluster in
            let connection = try cluster.connect()
            try connection.execute(Self.publisher)
            let report = try Rehearsal.prepare(.init(databaseURL: cluster.conninfo(), configuration: configuration))
                .rehearse(path: "\(scratch.path)/migration.sql")
            #expect(report.exitCode == 0, "\(RehearsalText.render(report))")
            #expect(report.baseline?.files == [])
            #expect(report.baseline?.reason.contains("--database-url") == true)
            #expect(RehearsalJSON.render(report).contains("\"reason\": \"--database-url: that database is assumed"))

            // --schema on the command line is still loaded, and meets what is there.
            let given = try Rehearsal.prepare(.init(databaseURL: cluster.conninfo(), schemaFiles: ["\(scratch.path)/publisher.sql"],
                                                    configuration: configuration))
                .rehearse(path: "\(scratch.path)/migration.sql")
            #expect(given.baseline?.reason == "given with --schema")
            #expect(given.setupError?.contains("schema \"app\" already exists") == true, "\(given.setupError ?? "")")
            #expect(given.exitCode == 2)
        }
    }

    @Test func withoutAnyBaselineTheReportSaysSo() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("migration.sql", "CREATE TABLE t (id int);\n")
        let rehearsal = try Rehearsal.prepare(.init())
        defer { rehearsal.close() }
        let report = rehearsal.rehearse(path: "\(scratch.path)/migration.sql")
        #expect(report.exitCode == 0)
        #expect(report.baseline == RehearsalBaseline(files: [], side: nil, reason: "no --schema and no `schema:` in the configuration"))
        #expect(RehearsalText.render(report).contains("  baseline: none (no --schema and no `schema:` in the configuration)\n"))
    }
}
