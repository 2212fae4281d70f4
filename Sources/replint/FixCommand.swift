import ArgumentParser
import Lint
import Rules
#if canImport(Glibc)
import Glibc
#endif

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Remove alembic log output and alembic_version statements, in place.",
        discussion: """
        A symbolic link is followed and kept; the file keeps its owner and mode. \
        Exit status: 0 done (or nothing to do), 1 with --check when a file would change, \
        2 when a file could not be read or written (or changed while being fixed).
        """)

    // Empty: the `app_migrations/` beside the configuration file, as `lint` resolves it.
    @Argument(help: "Files or folders to fix (default: app_migrations/ beside .replint.yml, else in the working directory).")
    var paths: [String] = []

    @Flag(help: "Change nothing; exit 1 when a file would change.")
    var check = false

    @Flag(help: "Change nothing; print the changes as a unified diff.")
    var diff = false

    @OptionGroup var configuration: ConfigurationOptions

    func run() throws {
        let config = try configuration.load()
        let write = !check && !diff
        let outcome = LintSession(configuration: config, rules: RuleRegistry.all).fix(paths: paths, write: write)
        for file in outcome.files {
            if diff { writeStdout(file.diff) }
            if write && !outcome.written.contains(file.path) { continue }  // its error is below
            let line = file.summary(written: write)
            if diff { writeStderr(line + "\n") } else { writeStdout(line + "\n") }
        }
        for error in outcome.errors { writeStderr("replint: \(error)\n") }
        throw ExitCode(!outcome.errors.isEmpty ? 2 : check && !outcome.files.isEmpty ? 1 : 0)
    }
}
