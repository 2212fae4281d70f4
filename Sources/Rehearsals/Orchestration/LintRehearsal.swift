import Lint
import PGServers
import SQLSource

/// What `replint lint --rehearse` showed: the lint report, a rehearsal of
/// every file without a finding at the failing severity, and the files it
/// left out and why.
public struct LintRehearsalReport: Sendable {
    public struct NotRehearsed: Sendable, Equatable {
        public let path: String
        public let reason: String
    }

    /// With `--rehearse`, its lock findings marked confirmed or not by the rehearsals.
    public internal(set) var lint: LintReport
    public let failOn: Severity
    public var rehearsals: [RehearsalReport] = []
    public var notRehearsed: [NotRehearsed] = []
    /// The cluster could not be started or loaded (exit 2).
    public var setupError: String?
    /// SIGINT or SIGTERM stopped the rehearsals: files after it are not rehearsed.
    public var interruptedBy: Int32?

    public init(lint: LintReport, failOn: Severity) {
        self.lint = lint
        self.failOn = failOn
    }

    public var exitCode: Int32 {
        if let signal = interruptedBy ?? rehearsals.lazy.compactMap(\.interruptedBy).first { return 128 + signal }
        return ExitCodes.combined([lint.exitCode(failOn: failOn), setupError == nil ? 0 : 2] + rehearsals.map(\.exitCode))
    }
}

extension Rehearsal {
    /// `replint rehearse FILE`: prepares the target, rehearses the file and
    /// closes. What stops the rehearsal before the file runs becomes the
    /// report's setup error (exit 2). `onClusterReady` is told where a
    /// throwaway cluster lives while it runs.
    public static func rehearse(file path: String, options: Options,
                                onClusterReady: (EphemeralCluster) -> Void = { _ in }) -> RehearsalReport {
        do {
            // An unreadable file is a bad argument: say so before starting a server.
            _ = try SourceFile.read(path: path)
            let session = try prepare(options)
            defer { session.close() }
            if let cluster = session.cluster { onClusterReady(cluster) }
            return session.rehearse(path: path)
        } catch {
            var failed = RehearsalReport(path: path, target: options.databaseURL == nil ? .ephemeralCluster : .database,
                                         strict: options.strict)
            failed.baseline = BaselineSelection(options).fileIndependent
            failed.setupError = "\(error)"
            if let signal = RehearsalInterruption.signal { failed.interrupted(by: signal) }
            return failed
        }
    }

    /// `replint lint --rehearse`: after linting, every file that `gate` lets
    /// through is rehearsed on one target (a fresh copy of the baseline per
    /// file on a throwaway cluster, or `--database-url`).
    public static func rehearse(linted lint: LintReport, failOn: Severity, configuration: Configuration,
                                options: Options) -> LintRehearsalReport {
        let gate = LintGate(failOn: failOn)
        var report = LintRehearsalReport(lint: lint, failOn: failOn)
        var files: [String] = []
        for result in RehearsableFiles(lint, configuration: configuration).results {
            // On replint's own cluster a lock stalls nobody, and rehearsing is
            // what confirms or refutes a lock finding: those do not keep a file back.
            let blocking = gate.blocking(result.findings).filter { options.databaseURL != nil || $0.category != .locking }.count
            if blocking > 0 {
                report.notRehearsed.append(.init(path: result.path, reason: "\(blocking) finding(s) at \(failOn.rawValue) level"))
            } else {
                files.append(result.path)
            }
        }
        guard !files.isEmpty else { return report }
        do {
            let session = try prepare(options)
            defer { session.close() }
            for file in files where RehearsalInterruption.signal == nil {
                report.rehearsals.append(session.rehearse(path: file))
            }
        } catch {
            report.setupError = error.description
        }
        if let signal = RehearsalInterruption.signal {
            report.interruptedBy = signal
            report.setupError = nil
        }
        report.lint = LockEvidence.confirm(lint, with: report.rehearsals)
        return report
    }
}

/// The files of a lint report a rehearsal runs: those that were read and
/// are not a baseline schema.
struct RehearsableFiles {
    let results: [FileResult]

    init(_ lint: LintReport, configuration: Configuration) {
        let configured = configuration.resolvedBaselines
        let baselines = Set(configured.publisher + (configured.subscriber ?? []) + configuration.baselineFiles)
        results = lint.results.filter { $0.document != nil && !baselines.contains($0.path) }
    }
}

/// DESIGN.md's exit codes over several results: 2 when anything could not
/// be done, else the worst.
enum ExitCodes {
    static func combined(_ codes: [Int32]) -> Int32 {
        codes.contains(2) ? 2 : codes.max() ?? 0
    }
}
