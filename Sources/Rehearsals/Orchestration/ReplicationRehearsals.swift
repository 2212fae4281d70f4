import Lint
import SQLSource

/// The replication rehearsals of several files, each on a pair of its own.
public struct ReplicationRehearsals: Sendable {
    public var reports: [ReplicationRehearsalReport]

    public var exitCode: Int32 {
        if let signal = reports.lazy.compactMap(\.interruptedBy).first { return 128 + signal }
        return ExitCodes.combined(reports.map(\.exitCode))
    }
}

/// What `replint lint --rehearse-replication` showed: the lint report and a
/// replication rehearsal of every linted file.
public struct LintReplicationRehearsalReport: Sendable {
    public let lint: LintReport
    public let failOn: Severity
    public var rehearsals: ReplicationRehearsals

    public var exitCode: Int32 {
        if rehearsals.reports.contains(where: { $0.interruptedBy != nil }) { return rehearsals.exitCode }
        return ExitCodes.combined([lint.exitCode(failOn: failOn), rehearsals.exitCode])
    }
}

extension ReplicationRehearsal {
    /// `replint rehearse --replication`: each file linted with `rules` (and
    /// the configured baselines, when they load), then rehearsed beside its
    /// findings in the order it declares.
    public static func rehearse(files: [String], configuration: Configuration, rules: [any Rule],
                                options: Options) -> ReplicationRehearsals {
        let session = LintSession(configuration: configuration, rules: rules)
        let linter = (try? session.linterWithBaselines()) ?? session.linter
        return rehearse(files, configuration: configuration, options: options) { _, document in linter.lint(document) }
    }

    /// `replint lint --rehearse-replication`: every linted file except the
    /// baselines, beside the findings the lint report shows for it.
    public static func rehearse(linted lint: LintReport, failOn: Severity, configuration: Configuration,
                                options: Options) -> LintReplicationRehearsalReport {
        let linted = RehearsableFiles(lint, configuration: configuration).results
        let findings = Dictionary(linted.map { ($0.path, $0.findings) }) { first, _ in first }
        let rehearsals = rehearse(linted.map(\.path), configuration: configuration, options: options) { path, _ in
            findings[path] ?? []
        }
        return LintReplicationRehearsalReport(lint: lint, failOn: failOn, rehearsals: rehearsals)
    }

    private static func rehearse(_ paths: [String], configuration: Configuration, options: Options,
                                 findings: (String, SQLDocument) -> [Finding]) -> ReplicationRehearsals {
        var reports: [ReplicationRehearsalReport] = []
        // After a signal no other file starts: the cleanup is already running.
        for path in paths where RehearsalInterruption.signal == nil {
            guard let source = try? SourceFile.read(path: path) else {
                var unreadable = ReplicationRehearsalReport(path: path)
                unreadable.setupError = "cannot read \(path)"
                reports.append(unreadable)
                continue
            }
            let document = SQLDocument(source)
            let order = ApplyOrderDeclaration(document: document, configuration: configuration).order
            reports.append(rehearse(document, order: order, findings: findings(path, document), options: options))
        }
        return ReplicationRehearsals(reports: reports)
    }
}
