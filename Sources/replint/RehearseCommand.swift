import ArgumentParser
import Lint
import Postgres
import Reporters
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// The options `rehearse` and `lint --rehearse` share. The baseline comes
/// from `--schema` (each command declares its own) or the configuration.
struct RehearsalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Rehearse on this database (a postgresql:// URL or libpq conninfo) instead of a throwaway cluster.",
        discussion: "Everything runs in one transaction that is rolled back. PG* variables are never read."))
    var databaseURL: String?

    @Option(name: .long, help: "Seed data loaded after the baseline (repeatable).")
    var setup: [String] = []

    @Flag(name: .long, help: "Exit 1 when a statement cannot be rehearsed in a transaction.")
    var strict = false

    @Option(name: .customLong("pg-bin"), help: "Directory with initdb, pg_ctl and postgres (default: PATH, pg_config, /usr/lib/postgresql/*/bin).")
    var pgBin: String?

    @Option(name: .customLong("pg-user"), help: "When run as root, the user that runs the throwaway server (default: postgres).")
    var pgUser: String?

    func rehearsalOptions(schemaFiles: [String], configuration: Configuration) -> Rehearsal.Options {
        Rehearsal.Options(
            databaseURL: databaseURL, schemaFiles: schemaFiles, setupFiles: setup, strict: strict,
            cluster: .init(binDirectory: pgBin, runAsUser: pgUser),
            replicatedTables: configuration.replicatedTables ?? [])
    }

    /// The configuration's baseline, for the side a file meets first: the
    /// subscriber, in the workflow DESIGN.md describes.
    static func configuredBaseline(_ configuration: Configuration) -> [String] {
        let baselines = configuration.resolvedBaselines
        return baselines.subscriber ?? baselines.publisher
    }
}

struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Run a migration on a real PostgreSQL, report durations and locks, and roll it back.",
        discussion: """
            Default target: a throwaway PostgreSQL started for this run and removed afterwards, where the \
            file's autocommit blocks really commit. With --database-url the file runs in one transaction that \
            is rolled back. Exit codes: 0 rehearsed, 1 a statement failed (or --strict and something was not \
            rehearsable), 2 the rehearsal could not be set up.

            With --replication: a throwaway publisher and subscriber, the file applied on each side in its \
            declared order (it really commits there), traffic from the publisher after each phase; exit 1 when \
            a statement failed on either side or replication broke, diverged or timed out.
            """)

    @Argument(help: "The migration file.")
    var file: String

    @Option(name: .long, help: "Baseline schema loaded first, e.g. a pg_dump --schema-only (repeatable; default: the configuration's schema).")
    var schema: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    @Flag(name: .long, help: "Apply the file to a throwaway publisher/subscriber pair under traffic, in its declared order.")
    var replication = false

    @Option(name: .long, help: "With --replication: the subscriber's own baseline when it differs from the publisher's (repeatable; default: the configuration's subscriber schema, else --schema).")
    var subscriberSchema: [String] = []

    @OptionGroup(title: "Replication (with --replication)") var replicationOptions: ReplicationRehearsalOptions
    @OptionGroup var rehearsal: RehearsalOptions
    @OptionGroup var configurationOptions: ConfigurationOptions

    func run() throws {
        SignalTrap.shared.install()
        guard format == "text" || format == "json" else { fail("unknown format `\(format)` (known: text, json)") }
        var configuration = try configurationOptions.load()
        if replication {
            if rehearsal.databaseURL != nil { fail("--replication rehearses on its own throwaway pair; --database-url does not apply") }
            if !schema.isEmpty { configuration.schema = .shared(schema) }
            throw ExitCode(replicationOptions.rehearse(files: [file], configuration: configuration, rehearsal: rehearsal,
                                                       format: format, lintOutput: nil, subscriberSchema: subscriberSchema))
        }
        let baseline = schema.isEmpty ? RehearsalOptions.configuredBaseline(configuration) : schema
        let options = rehearsal.rehearsalOptions(schemaFiles: baseline, configuration: configuration)
        let report: RehearsalReport
        do {
            // An unreadable file is a bad argument: say so before starting a server.
            _ = try SourceFile.read(path: file)
            let session = try Rehearsal.prepare(options)
            defer { session.close() }
            if let cluster = session.cluster {
                // Where the server lives (its log included) while it runs; gone afterwards.
                fputs("replint: rehearsing on a throwaway PostgreSQL in \(cluster.directory) (removed on exit)\n", stderr)
            }
            report = session.rehearse(path: file)
        } catch {
            var failed = RehearsalReport(path: file, target: options.databaseURL == nil ? .ephemeralCluster : .database,
                                         strict: options.strict)
            failed.setupError = "\(error)"
            report = failed
        }
        writeStdout(format == "json" ? RehearsalJSON.render(report) + "\n" : RehearsalText.render(report))
        throw ExitCode(report.exitCode)
    }
}

/// The options `rehearse --replication` and `lint --rehearse-replication` share.
struct ReplicationRehearsalOptions: ParsableArguments {
    @Option(name: .long, help: "How long to wait for the subscriber to catch up after each phase, e.g. 15s, 500ms, 1m.")
    var catchUpTimeout: String = "15s"

    @Option(name: .long, help: "Traffic on the replicated tables the file names (touched) or on every replicated table (all).")
    var traffic: String = "touched"

    /// The options, or exit 2 naming the bad value.
    func replicationOptions(configuration: Configuration, rehearsal: RehearsalOptions,
                            subscriberSchema: [String]) -> ReplicationRehearsal.Options {
        guard let timeout = Self.duration(catchUpTimeout) else { fail("--catch-up-timeout: `\(catchUpTimeout)` is not a duration like 15s or 500ms") }
        guard let scope = ReplicationRehearsal.TrafficScope(rawValue: traffic) else { fail("--traffic takes touched or all, not `\(traffic)`") }
        let configured = configuration.resolvedBaselines
        let baseline = configured.publisher
        let subscriberBaseline = subscriberSchema.isEmpty ? configured.subscriber : subscriberSchema
        return .init(schemaFiles: baseline, subscriberSchemaFiles: subscriberBaseline, setupFiles: rehearsal.setup,
                     cluster: .init(binDirectory: rehearsal.pgBin, runAsUser: rehearsal.pgUser),
                     replicatedTables: configuration.replicatedTables ?? [], catchUpTimeout: timeout, traffic: scope)
    }

    /// Lints (unless `findings` has the file) and rehearses each file on a pair of its own, writes one
    /// report (after `lintOutput` when given), returns the exit code.
    func rehearse(files: [String], configuration: Configuration, rehearsal: RehearsalOptions, format: String,
                  lintOutput: String?, subscriberSchema: [String] = [], findings: [String: [Finding]] = [:]) -> Int32 {
        SignalTrap.shared.install()
        var options = replicationOptions(configuration: configuration, rehearsal: rehearsal, subscriberSchema: subscriberSchema)
        options.onPairReady = { pair in
            // Where the servers live (their logs included) while they run; gone afterwards.
            fputs("replint: rehearsing on a throwaway publisher in \(pair.publisher.directory) and subscriber in "
                  + "\(pair.subscriber.directory) (removed on exit)\n", stderr)
        }
        let session = LintSession(configuration: configuration, rules: RuleRegistry.all)
        let linter = (try? session.linterWithBaselines()) ?? session.linter
        var reports: [ReplicationRehearsalReport] = []
        for path in files {
            guard let source = try? SourceFile.read(path: path) else {
                var unreadable = ReplicationRehearsalReport(path: path)
                unreadable.setupError = "cannot read \(path)"
                reports.append(unreadable)
                continue
            }
            let document = SQLDocument(source)
            let order = ApplyOrderDeclaration(document: document, configuration: configuration).order
            // The findings the lint report shows, when there is one; else the file's own.
            let lintFindings = findings[path] ?? linter.lint(document)
            reports.append(ReplicationRehearsal.rehearse(document, order: order, findings: lintFindings, options: options))
        }
        if format == "json" {
            let items = reports.map { "    " + ReplicationRehearsalJSON.render($0, indent: "    ") }.joined(separator: ",\n")
            if let lintOutput {
                let lint = lintOutput.trimmingSuffix("\n").replacingNewlines(with: "\n  ")
                writeStdout("{\n  \"lint\": \(lint),\n  \"replication_rehearsals\": [\(items.isEmpty ? "" : "\n" + items + "\n  ")]\n}\n")
            } else {
                writeStdout(reports.map { ReplicationRehearsalJSON.render($0) }.joined(separator: "\n") + "\n")
            }
        } else {
            var out = lintOutput ?? ""
            if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
            writeStdout(out + reports.map(ReplicationRehearsalText.render).joined(separator: "\n"))
        }
        let codes = reports.map(\.exitCode)
        return codes.contains(2) ? 2 : codes.max() ?? 0
    }

    /// `15s`, `500ms`, `1m`, or a bare number of seconds.
    static func duration(_ text: String) -> Duration? {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value >= 0 else { return nil }
        switch text.dropFirst(digits.count) {
        case "ms": return .milliseconds(Int(value))
        case "", "s": return .milliseconds(Int(value * 1000))
        case "m", "min": return .seconds(Int(value * 60))
        default: return nil
        }
    }
}

/// `replint lint --rehearse`: after linting, rehearse every file that has
/// no finding at the failing severity, on one throwaway cluster (a fresh
/// copy of the baseline per file) or on `--database-url`; one report.
struct LintRehearsal {
    let options: RehearsalOptions
    let configuration: Configuration
    let format: String

    /// Writes the lint output and the rehearsals; returns the exit code.
    func run(after lint: LintReport, lintOutput: String, failOn threshold: Severity) -> Int32 {
        guard format == "text" || format == "json" else {
            fail("--rehearse reports as text or json, not `\(format)`")
        }
        SignalTrap.shared.install()
        let baselines = Set(RehearsalOptions.configuredBaseline(configuration) + configuration.baselineFiles)
        var skipped: [(path: String, reason: String)] = []
        var files: [String] = []
        for result in lint.results where result.document != nil && !baselines.contains(result.path) {
            let blocking = result.findings.filter { $0.severity >= threshold }.count
            if blocking > 0 {
                skipped.append((result.path, "\(blocking) finding(s) at \(threshold.rawValue) level"))
            } else {
                files.append(result.path)
            }
        }
        var reports: [RehearsalReport] = []
        var setupError: String?
        if !files.isEmpty {
            do {
                let session = try Rehearsal.prepare(options.rehearsalOptions(
                    schemaFiles: RehearsalOptions.configuredBaseline(configuration), configuration: configuration))
                defer { session.close() }
                reports = files.map(session.rehearse(path:))
            } catch {
                setupError = error.description
            }
        }
        writeStdout(format == "json"
                    ? json(lintOutput: lintOutput, reports: reports, skipped: skipped, setupError: setupError)
                    : text(lintOutput: lintOutput, reports: reports, skipped: skipped, setupError: setupError))
        let codes = [lint.exitCode(failOn: threshold), setupError == nil ? 0 : 2] + reports.map(\.exitCode)
        return codes.contains(2) ? 2 : codes.max() ?? 0
    }

    private func text(lintOutput: String, reports: [RehearsalReport], skipped: [(path: String, reason: String)],
                      setupError: String?) -> String {
        var out = lintOutput
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        for report in reports { out += "\n" + RehearsalText.render(report) }
        for file in skipped { out += "\nnot rehearsed: \(file.path) (\(file.reason))\n" }
        if let setupError { out += "\ncould not rehearse: \(setupError)\n" }
        return out
    }

    private func json(lintOutput: String, reports: [RehearsalReport], skipped: [(path: String, reason: String)],
                      setupError: String?) -> String {
        let lint = lintOutput.trimmingSuffix("\n").replacingNewlines(with: "\n  ")
        let rehearsals = reports.map { "    " + RehearsalJSON.render($0, indent: "    ") }.joined(separator: ",\n")
        let notRehearsed = skipped.map { "    {\"path\": \(jsonString($0.path)), \"reason\": \(jsonString($0.reason))}" }
            .joined(separator: ",\n")
        return "{\n  \"lint\": \(lint),\n"
            + "  \"rehearsals\": [\(rehearsals.isEmpty ? "" : "\n" + rehearsals + "\n  ")],\n"
            + "  \"not_rehearsed\": [\(notRehearsed.isEmpty ? "" : "\n" + notRehearsed + "\n  ")],\n"
            + "  \"rehearsal_setup_error\": \(setupError.map(jsonString) ?? "null")\n}\n"
    }

    private func jsonString(_ text: String) -> String { JSON.quote(text) }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }

    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
