import Lint
import PGClient
import PGServers
import SQLSource

/// `replint rehearse --replication`: a migration applied to a throwaway
/// publisher/subscriber pair in its declared order, with traffic from the
/// publisher after each phase, and what broke reported in PostgreSQL's own
/// words. The pair is the only database touched; the file really commits.
public enum ReplicationRehearsal {
    public enum TrafficScope: String, Sendable, CaseIterable {
        /// Replicated tables the file names.
        case touched
        /// Every replicated table.
        case all
    }

    public struct Options: Sendable {
        public var schemaFiles: [String]
        /// Where `schemaFiles` were named, for the report.
        public var schemaOrigin: RehearsalBaseline.Origin = .commandLine
        /// The subscriber's own baseline when it differs from the publisher's
        /// (`schema: {publisher: ..., subscriber: ...}`); nil: `schemaFiles`.
        public var subscriberSchemaFiles: [String]?
        public var subscriberSchemaOrigin: RehearsalBaseline.Origin = .commandLine
        /// Seed data, loaded on the publisher before the subscription copies it.
        public var setupFiles: [String]
        public var cluster: EphemeralCluster.Options
        /// `.replint.yml`'s `replication.tables`: published when the baseline declares no publication.
        public var replicatedTables: [String]
        public var catchUpTimeout: Duration
        public var traffic: TrafficScope
        /// Called once both clusters run, e.g. to say where they live.
        public var onPairReady: (@Sendable (ReplicationPair) -> Void)?
        /// Each phase as it begins, for a terminal.
        public var progress: RehearsalProgress = .silent

        public init(schemaFiles: [String] = [], subscriberSchemaFiles: [String]? = nil, setupFiles: [String] = [],
                    cluster: EphemeralCluster.Options = .init(), replicatedTables: [String] = [],
                    catchUpTimeout: Duration = .seconds(15), traffic: TrafficScope = .touched) {
            self.schemaFiles = schemaFiles
            self.subscriberSchemaFiles = subscriberSchemaFiles
            self.setupFiles = setupFiles
            self.cluster = cluster
            self.replicatedTables = replicatedTables
            self.catchUpTimeout = catchUpTimeout
            self.traffic = traffic
        }
    }

    public struct SetupError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Findings that mean the file is not what alembic meant to run: the
    /// leftovers `replint fix` deletes, which the refusal tells the user to run.
    static func isLeftover(_ finding: Finding) -> Bool { finding.fix != nil }

    public static func rehearse(path: String, order: ApplyOrder, findings: [Finding], options: Options) -> ReplicationRehearsalReport {
        do {
            return rehearse(SQLDocument(try SourceFile.read(path: path)), order: order, findings: findings, options: options)
        } catch {
            var report = ReplicationRehearsalReport(path: path)
            report.setupError = error.description
            return report
        }
    }

    /// `findings` are the file's lint findings: alembic leftovers refuse the
    /// file; `replication-*` ones are set beside what the pair showed. What
    /// a SIGINT or SIGTERM cut short says "interrupted", not "failed".
    public static func rehearse(_ document: SQLDocument, order: ApplyOrder, findings: [Finding],
                                options: Options) -> ReplicationRehearsalReport {
        var report = rehearseToTheEnd(document, order: order, findings: findings, options: options)
        if let signal = RehearsalInterruption.signal { report.interrupted(by: signal) }
        return report
    }

    private static func rehearseToTheEnd(_ document: SQLDocument, order: ApplyOrder, findings: [Finding],
                                         options: Options) -> ReplicationRehearsalReport {
        let total = Stopwatch()
        var report = ReplicationRehearsalReport(path: document.file.path)
        report.order = order == .publisherFirst ? .publisherFirst : .subscriberFirst
        report.baselines = RehearsalBaseline.sides(options)
        let leftovers = findings.filter(isLeftover)
        if !leftovers.isEmpty {
            report.refusal = "the file still holds alembic leftovers (" + leftovers.map { "line \($0.start.line): \($0.ruleID)" }
                .joined(separator: ", ") + "); run `replint fix \(document.file.path)` first"
            return report
        }
        let plan: ExecutionPlan
        do {
            plan = try ExecutionPlan(document)
        } catch {
            report.refusal = "the runner would not apply this file: \(error)"
            return report
        }
        let setup = Stopwatch()
        let prepared: PairPreparation.Prepared
        options.progress.phase("\(document.file.path): starting a throwaway publisher and subscriber, loading the baselines, subscribing")
        do {
            prepared = try PairPreparation(options: options).prepare()
        } catch {
            report.setupError = error.description
            return report
        }
        defer { prepared.pair.stop() }
        report.setupMilliseconds = setup.elapsedMilliseconds
        options.onPairReady?(prepared.pair)
        report.publications = prepared.publications
        report.setupNotes = prepared.notes
        var phases = PhaseRunner(pair: prepared.pair, plan: plan, tables: FileTables(document),
                                 publications: prepared.publications, options: options)
        options.progress.phase("\(document.file.path): checking that the baseline replicates")
        if let broken = phases.warmUp() {
            report.setupError = broken
            return report
        }
        let sides: [ReplicationPair.Side] = report.order == .publisherFirst ? [.publisher, .subscriber] : [.subscriber, .publisher]
        for (index, side) in sides.enumerated() {
            let phase = phases.run(number: index + 1, side: side)
            report.phases.append(phase)
            if phase.problems.contains(where: { $0.kind == .statementFailed }) {
                if index == 0 && RehearsalInterruption.signal == nil {
                    report.phases[index].notes.append("phase 2 (the \(sides[1])) not run: the file failed on the \(side)")
                }
                break
            }
        }
        Attribution(tables: phases.tables, findings: findings).apply(to: &report)
        report.totalMilliseconds = total.elapsedMilliseconds
        return report
    }
}
