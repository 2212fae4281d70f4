import ArgumentParser
import Lint
import Setup

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .replint.yml; with --database-url, take the baselines with pg_dump --schema-only.",
        discussion: """
            Writes .replint.yml in the working directory with every key at its default, each with a comment. \
            With --database-url (the publishing database) it first writes DIR/schema.sql, and with \
            --subscriber-url also DIR/subscriber-schema.sql, and points `schema:` at them. An existing file is \
            never overwritten without --force (exit 2). Passwords are passed to pg_dump in its environment and \
            never printed.
            """)

    @Option(name: .long, help: ArgumentHelp("The publishing database (a postgresql:// URL or libpq conninfo), dumped into DIR/schema.sql.", valueName: "url"))
    var databaseURL: String?

    @Option(name: .long, help: ArgumentHelp("The replicated database, dumped into DIR/subscriber-schema.sql.", valueName: "url"))
    var subscriberURL: String?

    @Option(name: .customLong("dir"), help: ArgumentHelp("The migrations folder, relative to the working directory.", valueName: "dir"))
    var directory = "app_migrations"

    @Flag(name: .long, help: "Replace an existing .replint.yml and baselines.")
    var force = false

    @Option(name: .customLong("pg-bin"), help: "Directory with pg_dump (default: PATH, pg_config, /usr/lib/postgresql/*/bin).")
    var pgBin: String?

    func run() throws {
        var setup = ProjectSetup(directory: absolutePath("."))
        setup.migrationsFolder = directory
        setup.databaseURL = databaseURL
        setup.subscriberURL = subscriberURL
        setup.force = force
        setup.binDirectory = pgBin
        let outcome: ProjectSetup.Outcome
        do { outcome = try setup.run() } catch { throw CLIError(error) }
        writeStdout(outcome.written.map { "wrote \($0)\n" }.joined()
                    + "next: replint lint   (every *.sql under \(directory)/, checked against the baseline)\n")
    }
}
