import Testing
import Lint
import Rules
@testable import Runner
import PGTestSupport

/// What ship settles before it connects, and how it reads a subscriber's
/// log: no server needed.
@Suite struct ShipInputTests {
    @Test func bothConnectionStringsAreRequiredAndNoImplicitSourceFillsIn() throws {
        let environment = ["PGHOST": "/tmp", "ACG_CONFIG": "/nonexistent", ShipRequest.publisherVariable: "host=p"]
        do {
            _ = try ShipRequest.resolve(.init(file: "/nonexistent.sql"), environment: environment)
            Issue.record("resolved without a subscriber URL")
        } catch {
            #expect(error.description.hasPrefix("--subscriber-url (or REPLINT_SUBSCRIBER_URL) is not set"))
        }
    }

    @Test func partsCountFromOneAndTheDryRunVariableIsReadAsRunReadsIt() throws {
        let environment = [ShipRequest.subscriberVariable: "host=s", ShipRequest.publisherVariable: "host=p"]
        #expect(throws: RunSetupError.self) { try ShipRequest.resolve(.init(file: "/dev/null", part: 0), environment: environment) }
        var typo = environment
        typo[RunRequest.dryRunVariable] = "ture"
        #expect(throws: RunSetupError.self) { try ShipRequest.resolve(.init(file: "/dev/null"), environment: typo) }
    }

    /// Refused before connecting: the URLs lead nowhere and are never tried.
    @Test func aFileThatMustBeSplitIsRefusedNamingItsPartsUnlessForced() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("split.sql", "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\nALTER TABLE hbi.hosts DROP COLUMN canonical_facts;\n")
        let flags = ShipRequest.Flags(file: "\(directory.path)/split.sql", subscriberURL: "host=/nonexistent", publisherURL: "host=/nonexistent")
        let request = try ShipRequest.resolve(flags, environment: [:])
        let linter = Linter(rules: RuleRegistry.all)
        let capture = OutputCapture()
        let report = Shipment(request: request, linter: linter, planner: { shipVerdict($0, linter: linter) },
                              log: RunLog { _ in }, output: { capture.append($0) }).run()
        let output = capture.text
        #expect(report.outcome == .refused && report.exitCode == 1, "\(output)")
        #expect(output.contains("Parts: part 1 (subscriber-first, 1 statement(s)), part 2 (publisher-first, 1 statement(s)); ship one at a time with --part N."),
                "\(output)")
        #expect(output.contains("next: nothing was applied anywhere"))
    }

    /// libpq echoes a malformed URI's parts in its error; the report never shows the password.
    @Test func theReportOfAnUnreachableSideShowsNoPassword() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("a.sql", "ALTER TABLE hbi.hosts ADD COLUMN tags jsonb;\n")
        let flags = ShipRequest.Flags(file: "\(directory.path)/a.sql", subscriberURL: "postgresql://u:s3cret%zz@/db?host=/nonexistent",
                                      publisherURL: "host=/nonexistent")
        let request = try ShipRequest.resolve(flags, environment: [:])
        let linter = Linter(rules: RuleRegistry.all)
        let capture = OutputCapture()
        let report = Shipment(request: request, linter: linter, planner: { shipVerdict($0, linter: linter) },
                              log: RunLog { _ in }, output: { capture.append($0) }).run()
        let output = capture.text
        #expect(report.exitCode == 2)
        #expect(output.contains("cannot connect to the subscriber"), "\(output)")
        #expect(!output.contains("s3cret"), "\(output)")
    }

    /// PostgreSQL 15's lines for a failing apply worker, in the default
    /// log_line_prefix (`%m [%p] `): no backend type to go by.
    @Test func applyWorkerErrorsAreReadWithTheirContextWhateverThePrefix() {
        let log = """
            2026-12-01 10:00:00.000 UTC [4242] ERROR:  logical replication target relation "hbi.hosts" is missing replicated column: "canonical_facts"
            2026-12-01 10:00:00.000 UTC [4242] CONTEXT:  processing remote data for replication origin "pg_16390" during message type "INSERT" in transaction 730, finished at 0/1980A00
            2026-12-01 10:00:00.001 UTC [99] LOG:  background worker "logical replication worker" (PID 4242) exited with exit code 1
            2026-12-01 10:00:01.000 UTC [77] ERROR:  relation "nosuch" does not exist at character 15
            2026-12-01 10:00:01.000 UTC [77] STATEMENT:  SELECT * FROM nosuch
            2026-12-01 10:00:02.000 UTC [4250] ERROR:  duplicate key value violates unique constraint "hosts_pkey"
            2026-12-01 10:00:02.000 UTC [4250] DETAIL:  Key (id)=(1) already exists.
            2026-12-01 10:00:02.000 UTC [4250] CONTEXT:  processing remote data for replication origin "pg_16390" during message type "INSERT"
            \tfor replication target relation "hbi.hosts" in transaction 731
            """
        let errors = LoggedApplyError.parse(log)
        #expect(errors.map(\.message) == ["logical replication target relation \"hbi.hosts\" is missing replicated column: \"canonical_facts\"",
                                          "duplicate key value violates unique constraint \"hosts_pkey\""])
        #expect(errors.last?.detail == "Key (id)=(1) already exists.")
        #expect(errors.last?.context?.hasSuffix("\"INSERT\" for replication target relation \"hbi.hosts\" in transaction 731") == true)
    }
}
