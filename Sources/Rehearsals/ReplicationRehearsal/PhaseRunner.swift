import PGClient
import PGServers
import SQLSource

/// One phase of a replication rehearsal: the file on one side, then traffic
/// from the publisher, the wait for the subscriber, a REFRESH PUBLICATION
/// where the publication picked up a table the subscription lacks, and the
/// comparison of every replicated table.
struct PhaseRunner {
    let pair: ReplicationPair
    let plan: ExecutionPlan
    let tables: FileTables
    let publications: [String]
    let options: ReplicationRehearsal.Options
    /// Publisher-side shapes before the file ran, for what a phase added.
    private var baseline: [String: TableShape] = [:]
    private var baselineRead = false

    init(pair: ReplicationPair, plan: ExecutionPlan, tables: FileTables, publications: [String],
         options: ReplicationRehearsal.Options) {
        self.pair = pair
        self.plan = plan
        self.tables = tables
        self.publications = publications
        self.options = options
    }

    mutating func run(number: Int, side: ReplicationPair.Side) -> ReplicationRehearsalReport.Phase {
        var phase = ReplicationRehearsalReport.Phase(number: number, side: side)
        do {
            try readBaselineOnce()
            try run(&phase)
        } catch {
            // The pair itself failed (a lost connection): that is a broken rehearsal, said as such.
            phase.problems.append(.init(kind: .pairFailed, side: side, message: "the rehearsal could not go on: \(error)",
                                        detail: nil, logLine: nil, table: nil, lines: []))
        }
        return phase
    }

    /// Ordinary traffic on the baseline before the file runs, every row
    /// deleted again (the tables stay as the seed made them): proof that
    /// the pair replicates inserts, updates and deletes at all. A baseline that does not (a column list leaving out a column the
    /// subscriber requires) would blame the file for what it did not do.
    /// Returns why the pair is unusable, or nil.
    mutating func warmUp() -> String? {
        do {
            try readBaselineOnce()
            let touched = try tables.resolve(on: pair.connection(.publisher))
            let aimed = try PublishedTable.read(on: pair, publications: publications)
                .filter { options.traffic == .all || touched.contains($0.name) }
            let shapes = try aimed.compactMap { try TableShape.read($0.name, on: pair.connection(.publisher)) }
            var phase = ReplicationRehearsalReport.Phase(number: 0, side: .publisher)
            let traffic = Traffic(connection: try pair.connection(.publisher), phase: 0).run(on: shapes, probes: [], deletingEverything: true)
            phase.problems += traffic.problems
            if try catchUp(&phase, since: pair.subscriberLogMark()), phase.problems.isEmpty { return nil }
            return "the baseline does not replicate under traffic, before the file is applied: "
                + phase.problems.map { $0.message + ($0.detail.map { " (\($0))" } ?? "") }.joined(separator: "; ")
                + "; if the subscriber's schema differs, give it with --subscriber-schema (or `schema: {publisher: ..., subscriber: ...}`)"
        } catch {
            return "the pair failed before the file was applied: \(error)"
        }
    }

    private mutating func readBaselineOnce() throws {
        guard !baselineRead else { return }
        baselineRead = true
        for table in try PublishedTable.read(on: pair, publications: publications) {
            baseline[table.name] = try TableShape.read(table.name, on: pair.connection(.publisher))
        }
    }

    private func run(_ phase: inout ReplicationRehearsalReport.Phase) throws {
        options.progress.phase("phase \(phase.number): applying the file on the \(phase.side)")
        let applying = Stopwatch()
        let (applied, failure) = SideApplication(plan: plan, connection: try pair.connection(phase.side), side: phase.side).apply()
        phase.applied = applied
        phase.applyMilliseconds = applying.elapsedMilliseconds
        if let failure {
            phase.problems.append(failure)
            return
        }
        let published = try PublishedTable.read(on: pair, publications: publications)
        let touched = try tables.resolve(on: pair.connection(.publisher))
        let aimed = published.filter { options.traffic == .all || touched.contains($0.name) }
        var shapes: [TableShape] = []
        var probes: [Probe] = []
        for table in aimed {
            guard let shape = try TableShape.read(table.name, on: pair.connection(.publisher)) else { continue }
            let theirs = try TableShape.read(table.name, on: pair.connection(.subscriber))
            shapes.append(shape.keepingUnique(theirs?.uniqueColumnSets ?? []))
            for column in ProbePlanner.unreplicatedColumns(before: baseline[table.name], after: shape, publishedColumns: table.columns) {
                phase.problems.append(.init(kind: .notReplicated, side: .publisher,
                                            message: "\(table.name).\(column) not replicated: not in the column list of publication \(table.publication)",
                                            detail: nil, logLine: nil, table: table.name, lines: []))
            }
            // After phase 1 one side has the change and the other has not.
            if phase.number == 1, let theirs {
                probes += ProbePlanner(publisher: shape, subscriber: theirs, phase: phase.number).probes()
            }
        }
        options.progress.phase("phase \(phase.number): traffic from the publisher on \(shapes.count) table(s)")
        let mark = pair.subscriberLogMark()
        let sending = Stopwatch()
        let sender = Traffic(connection: try pair.connection(.publisher), phase: phase.number)
        let traffic = sender.run(on: shapes, probes: probes)
        defer {
            if !traffic.probeRows.isEmpty {
                sender.removeProbeRows(traffic.probeRows)
                phase.notes.append("\(traffic.probeRows.count) probe row(s) deleted from the publisher after the verdict")
            }
        }
        phase.trafficMilliseconds = sending.elapsedMilliseconds
        phase.traffic = traffic.statements
        phase.unfilledTables = traffic.unfilled
        phase.problems += traffic.problems
        options.progress.phase("phase \(phase.number): waiting for the subscriber to catch up, then comparing the tables")
        guard try catchUp(&phase, since: mark) else {
            phase.notes.append("tables not compared: the subscriber did not catch up")
            return
        }
        try refreshIfNeeded(&phase, published: published)
        let divergence = Divergence(pair: pair)
        for table in try PublishedTable.read(on: pair, publications: publications) {
            guard let comparison = try divergence.compare(table) else { continue }
            phase.comparisons.append(comparison)
            guard !comparison.equal else { continue }
            phase.problems.append(.init(kind: .divergence, side: .subscriber,
                                        message: "\(table.name) differs: \(comparison.publisherRows) row(s) on the publisher, "
                                        + "\(comparison.subscriberRows) on the subscriber"
                                        + (comparison.firstDifferingKey.map { "; first differing key \($0)" } ?? "")
                                        + (comparison.note.map { " (\($0))" } ?? ""),
                                        detail: nil, logLine: nil, table: table.name, lines: []))
        }
    }

    /// True when the subscriber caught up; otherwise the apply errors or the
    /// timeout are added to the phase.
    private func catchUp(_ phase: inout ReplicationRehearsalReport.Phase, since mark: LogMark) throws -> Bool {
        let catchUp = try pair.waitForCatchUp(timeout: options.catchUpTimeout)
        phase.catchUpMilliseconds += Double(catchUp.elapsed.components.seconds) * 1000
            + Double(catchUp.elapsed.components.attoseconds) / 1e15
        switch catchUp.outcome {
        case .caughtUp:
            phase.catchUp = "caught up"
            return true
        case .timedOut:
            phase.catchUp = "timed out"
            phase.problems.append(.init(kind: .catchUpTimeout, side: .subscriber,
                                        message: "the subscriber did not catch up within \(options.catchUpTimeout) "
                                        + "(publisher at \(catchUp.targetLSN), subscription confirmed \(catchUp.confirmedLSN ?? "nothing"))",
                                        detail: nil, logLine: nil, table: nil, lines: []))
        case .applyFailed:
            phase.catchUp = "apply failed"
            var errors = catchUp.errors
            if errors.isEmpty { errors = try pair.applyErrors(since: mark).errors }
            var seen = Set<String>()
            for error in errors where seen.insert(error.message).inserted {
                let named = Attribution.table(in: error.message) ?? error.context.flatMap(Attribution.table(in:))
                phase.problems.append(.init(kind: .applyError, side: .subscriber, message: error.message,
                                            detail: error.detail, logLine: error.line,
                                            table: try named.map(partitionRoot), lines: []))
            }
        }
        return false
    }

    /// An error about partition `hosts_p3` is about the table the file names,
    /// `hbi.hosts`: the root, found on the subscriber, where the error was.
    private func partitionRoot(_ name: String) throws -> String {
        let parts = name.split(separator: ".").map(String.init)
        let schema = parts.count > 1 ? "n.nspname = \(Connection.quoteLiteral(parts[0])) AND " : ""
        let root = try pair.rows(on: .subscriber, sql: """
            SELECT rn.nspname || '.' || r.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class r ON r.oid = coalesce(pg_partition_root(c.oid), c.oid) JOIN pg_namespace rn ON rn.oid = r.relnamespace
            WHERE \(schema)c.relname = \(Connection.quoteLiteral(parts.last ?? name)) ORDER BY 1 LIMIT 1
            """).first?[0] ?? nil
        return root ?? name
    }

    /// A table the publication now covers and the subscription does not is
    /// replicated only after REFRESH PUBLICATION; until then its rows are
    /// silently not sent.
    private func refreshIfNeeded(_ phase: inout ReplicationRehearsalReport.Phase, published: [PublishedTable]) throws {
        let subscribed = try PublishedTable.subscribed(on: pair)
        var missing: [String] = []
        for name in published.map(\.name) where !subscribed.contains(name) {
            if try PublishedTable.exists(name, on: .subscriber, of: pair) { missing.append(name) }
        }
        guard !missing.isEmpty else { return }
        phase.notes.append("REFRESH PUBLICATION needed: \(missing.joined(separator: ", ")) now published but not subscribed; "
                           + "its rows are not replicated until `ALTER SUBSCRIPTION ... REFRESH PUBLICATION` (run now, copy_data = true)")
        try pair.refreshPublication(copyData: true)
        _ = try catchUp(&phase, since: pair.subscriberLogMark())
    }
}
