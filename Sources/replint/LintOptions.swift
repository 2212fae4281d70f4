import ArgumentParser
import Lint
import Reporters
import Rehearsals
import Rules
#if canImport(Glibc)
import Glibc
#endif

/// `lint`'s `--select`, `--extend-select` and `--ignore`, applied on top of the configuration.
struct RuleSelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run only these rules or categories (repeatable); can turn on rules that are off.", valueName: "rule|category"))
    var select: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also run these rules or categories (repeatable).", valueName: "rule|category"))
    var extendSelect: [String] = []

    @Option(name: .long, help: ArgumentHelp("Do not run these rules or categories (repeatable); wins over --select and --extend-select.", valueName: "rule|category"))
    var ignore: [String] = []

    /// Values may also be comma-separated (`--select replication,alembic`), as ruff takes them.
    var selection: RuleSelection {
        let split = { (values: [String]) in values.flatMap { $0.split(separator: ",").map { $0.trimmed() } }.filter { !$0.isEmpty } }
        return RuleSelection(select: split(select), extendSelect: split(extendSelect), ignore: split(ignore))
    }

    func apply(to configuration: inout Configuration) throws(CLIError) {
        do {
            configuration = try selection.applied(to: configuration, rules: RuleRegistry.all, resolver: RuleRegistry.resolver)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// `--format`, `--output` and the settings a format reads.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: LintFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output (the exit code is the same).", valueName: "file"))
    var output: String?

    func setting(configuration: Configuration, colored: Bool) -> ReportSetting {
        var setting = ReportSetting(rules: RuleRegistry.all.map(\.description),
                                    enabled: Set(RuleRegistry.all.filter { Linter.isEnabled($0, in: configuration) }.map(\.id)),
                                    root: configuration.sourcePath == nil ? absolutePath(".") : configuration.baseDirectory)
        setting.colored = colored && output == nil
        setting.toolVersion = ReplintVersion.current
        setting.fileLinkBase = OutputOptions.githubBlobBase()
        setting.rulePageBase = RulePages.base(configured: configuration.rulePages)
        return setting
    }

    func write(_ text: String) throws(CLIError) { try ReportOutput.write(text, to: output) }

    /// The report's destination, for writing it a piece at a time.
    func open() throws(CLIError) -> ReportOutput { try ReportOutput(path: output) }

    /// In a GitHub Actions run, `https://github.com/OWNER/REPO/blob/SHA/`, so
    /// that a Markdown comment's line links open the reviewed commit.
    static func githubBlobBase() -> String? {
        let env = { (name: String) in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        guard let server = env("GITHUB_SERVER_URL"), let repository = env("GITHUB_REPOSITORY"), let sha = env("GITHUB_SHA") else { return nil }
        return "\(server)/\(repository)/blob/\(sha)/"
    }
}

/// Where a report is written as it is produced: standard output, or the
/// `--output` file, opened once (before linting, so a bad path fails first).
final class ReportOutput {
    private let path: String?
    private let file: UnsafeMutablePointer<FILE>?
    private var failed = false

    init(path: String? = nil) throws(CLIError) {
        self.path = path
        guard let path else { file = nil; return }
        guard let opened = fopen(path, "w") else { throw CLIError("\(path): \(String(cString: strerror(errno)))") }
        file = opened
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        guard let file else { return writeStdout(text) }
        if fputs(text, file) < 0 { failed = true }
    }

    /// `text` whole, to the file at `path` or to standard output.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        let output = try ReportOutput(path: path)
        output.write(text)
        try output.close()
    }

    /// Closes the file; a write that failed on the way is reported here.
    func close() throws(CLIError) {
        guard let file, let path else { return }
        let closed = fclose(file) == 0
        guard closed && !failed else { throw CLIError("\(path): write failed") }
    }
}

/// `replint lint -`: the SQL comes from standard input.
enum StandardInput {
    static let path = "-"

    static func read() throws(CLIError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CLIError("standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
