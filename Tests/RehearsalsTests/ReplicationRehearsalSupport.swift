import Foundation
import Testing
import Lint
import Rules
import SQLSource
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// Every test that starts a publisher/subscriber pair is nested in this
/// suite: serialized, so that two cores are not asked to run several pairs
/// (four servers and their workers) at once.
@Suite(.serialized)
struct ReplicationTests {}

/// A replication rehearsal of `migration` (with the file's own lint findings
/// unless `findings` is given) on a pair started in a private directory, which must be empty again (and no server of it running)
/// when the rehearsal returns, whatever its outcome.
func rehearseOnPair(_ migration: String, order: ApplyOrder = .subscriberFirst, schema: String = hostsSchema,
                    subscriberSchema: String? = nil, seed: String? = "INSERT INTO hbi.hosts VALUES (1, 'one', '{\"fqdn\": \"one\"}');",
                    schemaFiles: [String]? = nil, traffic: ReplicationRehearsal.TrafficScope = .touched,
                    findings: [Finding]? = nil,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ReplicationRehearsalReport {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let clusters = try ScratchDirectory()
    defer { clusters.remove() }
    try scratch.write("schema.sql", schema)
    try scratch.write("migration.sql", migration)
    var options = ReplicationRehearsal.Options(
        schemaFiles: schemaFiles ?? ["\(scratch.path)/schema.sql"], cluster: .init(parentDirectory: clusters.path),
        catchUpTimeout: .seconds(15), traffic: traffic)
    if let seed {
        try scratch.write("seed.sql", seed)
        options.setupFiles = ["\(scratch.path)/seed.sql"]
    }
    if let subscriberSchema {
        try scratch.write("subscriber.sql", subscriberSchema)
        options.subscriberSchemaFiles = (schemaFiles ?? []) + ["\(scratch.path)/subscriber.sql"]
    }
    let document = SQLDocument(try SourceFile.read(path: "\(scratch.path)/migration.sql"))
    let findings = findings ?? Linter(rules: RuleRegistry.all).lint(document)
    let report = ReplicationRehearsal.rehearse(document, order: order, findings: findings, options: options)
    #expect(clusters.entries.isEmpty, "left behind: \(clusters.entries)", sourceLocation: sourceLocation)
    #expect(processes(mentioning: clusters.path).isEmpty, "servers still running", sourceLocation: sourceLocation)
    return report
}

extension ReplicationRehearsalReport {
    func problems(_ kind: Problem.Kind) -> [Problem] { problems.filter { $0.kind == kind } }

    /// Every message, for expectations' failure output.
    var summary: String {
        let problemLines = problems.map { "\($0.kind.rawValue) on \($0.side): \($0.message) \($0.detail ?? "")" }
        return ((setupError.map { ["setup: \($0)"] } ?? []) + (refusal.map { ["refused: \($0)"] } ?? []) + problemLines)
            .joined(separator: "\n")
    }
}

/// The seed's own baseline (a partitioned table published through its root
/// with a column list and a row filter, replica identity on a unique index).
let seedBaseline: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("app_migrations/schema.sql").path
}()

/// What a subscriber of that publication holds: the columns outside the
/// column list are never sent, so they cannot be NOT NULL there.
let seedSubscriberRelaxation = """
    ALTER TABLE hbi.hosts ALTER COLUMN canonical_facts DROP NOT NULL,
        ALTER COLUMN stale_timestamp DROP NOT NULL, ALTER COLUMN reporter DROP NOT NULL;
    """

extension ReplicationRehearsalReport.Phase {
    func problems(_ kind: ReplicationRehearsalReport.Problem.Kind) -> [ReplicationRehearsalReport.Problem] {
        problems.filter { $0.kind == kind }
    }
}
