import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// One run of `lint` or `fix` over the user's paths: collect files, read,
/// lint, and gather what could not be read.
public struct LintSession: Sendable {
    public let linter: Linter
    let collector: FileCollector

    public init(configuration: Configuration, rules: [any Rule]) {
        self.linter = Linter(rules: rules, configuration: configuration)
        self.collector = FileCollector(configuration: configuration)
    }

    public func run(paths: [String]) -> LintReport {
        let collected = collector.collect(paths)
        var report = LintReport(results: collected.files.map(linter.lint(path:)), errors: collected.errors, notes: collected.notes)
        if collected.files.isEmpty && collected.errors.isEmpty {
            report.errors.append("nothing to lint: no .sql files in \(paths.joined(separator: ", "))")
        }
        return report
    }

    public struct FixOutcome: Sendable {
        public var log: [String] = []
        public var errors: [String] = []
    }

    /// Applies every finding's fix and rewrites the files that change.
    public func fix(paths: [String]) -> FixOutcome {
        var outcome = FixOutcome()
        let report = run(paths: paths)
        outcome.errors = report.errors + report.results.compactMap(\.readError)
        for result in report.results {
            guard let document = result.document else { continue }
            let fixable = result.findings.filter { $0.fix != nil }
            guard !fixable.isEmpty else { continue }
            let fixed = Fixer.apply(fixable, to: document.file.bytes)
            do {
                try write(fixed, to: result.path)
                outcome.log.append("\(result.path): fixed \(fixable.count) finding(s)")
            } catch {
                outcome.errors.append("\(result.path): cannot be written: \(error)")
            }
        }
        return outcome
    }

    /// Writes through a temporary file and a rename, so a failure never leaves half a file.
    private func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".replint-tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SourceError(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if stat(path, &info) == 0 { fchmod(fd, info.st_mode & 0o7777) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SourceError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
