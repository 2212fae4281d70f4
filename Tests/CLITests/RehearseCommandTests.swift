import Foundation
import Testing
import PGServers

/// `replint rehearse` as a process: exit codes, output, and the throwaway
/// cluster gone after success, failure and SIGTERM.
@Suite(.serialized)
struct RehearseCommandTests {
    /// The replint binary running in the background, its output in files so
    /// the test can watch stderr while it runs.
    final class Running {
        let process = Process()
        let stdoutPath: String
        let stderrPath: String

        init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
            let scratch = try ReplintProcess.temporaryDirectory()
            stdoutPath = scratch.appendingPathComponent("stdout").path
            stderrPath = scratch.appendingPathComponent("stderr").path
            FileManager.default.createFile(atPath: stdoutPath, contents: nil)
            FileManager.default.createFile(atPath: stderrPath, contents: nil)
            process.executableURL = ReplintProcess.binary
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
            process.standardError = FileHandle(forWritingAtPath: stderrPath)
            try process.run()
        }

        var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        /// The cluster directory replint announces on stderr, once it does.
        func clusterDirectory(waitingUpTo seconds: Double = 120) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                if let line = stderr.split(separator: "\n").first(where: { $0.contains("throwaway PostgreSQL in ") }),
                   let start = line.range(of: " in ")?.upperBound, let end = line.range(of: " (removed")?.lowerBound {
                    return String(line[start..<end])
                }
                if !process.isRunning || Date() >= deadline { return nil }
                usleep(50_000)
            }
        }

        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    static func postgresProcesses(mentioning text: String) -> [Int32] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
        return pids.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(text)
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func write(_ sql: String) throws -> URL {
        let directory = try ReplintProcess.temporaryDirectory()
        try sql.write(to: directory.appendingPathComponent("migration.sql"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test func aRealMigrationRehearsesAndTheClusterIsGone() throws {
        let running = try Running(["rehearse", "app_migrations/661a4319d18b.sql", "--schema", "app_migrations/schema.sql",
                                   "--format", "json"], in: ReplintProcess.repository)
        let status = running.wait()
        #expect(status == 0, "\(running.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(running.stdout.utf8)) as? [String: Any])
        let statements = try #require(json["statements"] as? [[String: Any]])
        #expect(statements.first?["line"] as? Int == 5)
        let locks = try #require(statements.first?["locks"] as? [[String: Any]])
        let hosts = try #require(locks.first { $0["relation"] as? String == "hbi.hosts" })
        #expect(hosts["mode"] as? String == "ACCESS EXCLUSIVE")
        #expect(hosts["replicated"] as? Bool == true)
        #expect(hosts["flagged"] as? Bool == true)
        #expect((json["rollback"] as? [String: Any])?["unchanged"] as? Bool == true)
        #expect((json["baseline"] as? [String: Any])?["reason"] as? String == "given with --schema")
        let blocking = try #require(json["blocking_locks"] as? [[String: Any]])
        #expect(blocking.contains { $0["relation"] as? String == "hbi.hosts" && $0["blocks"] as? String == "reads and writes" })
        let directory = try #require(running.clusterDirectory(waitingUpTo: 0))
        #expect(!Self.exists(directory))
        #expect(Self.postgresProcesses(mentioning: directory).isEmpty)
    }

    @Test func aFailingStatementExitsOneWithLineAndSQLSTATEAndTheClusterIsGone() throws {
        let directory = try write("BEGIN;\nCREATE TABLE t (id int);\n\nINSERT INTO missing VALUES (1);\nCOMMIT;\n")
        let running = try Running(["rehearse", "migration.sql"], in: directory)
        #expect(running.wait() == 1)
        #expect(running.stdout.contains("FAILED at migration.sql:4"))
        #expect(running.stdout.contains("SQLSTATE 42P01"))
        #expect(running.stdout.contains("catalogue fingerprint unchanged"))
        let cluster = try #require(running.clusterDirectory(waitingUpTo: 0))
        #expect(!Self.exists(cluster))
        #expect(Self.postgresProcesses(mentioning: cluster).isEmpty)
    }

    @Test func sigtermStopsTheClusterAndExits143() throws {
        let directory = try write("BEGIN;\nSELECT pg_sleep(120);\nCOMMIT;\n")
        let running = try Running(["rehearse", "migration.sql"], in: directory)
        let cluster = try #require(running.clusterDirectory())
        #expect(Self.exists("\(cluster)/data/postmaster.pid"))
        kill(running.process.processIdentifier, SIGTERM)
        #expect(running.wait() == 143)
        #expect(!Self.exists(cluster))
        #expect(Self.postgresProcesses(mentioning: cluster).isEmpty)
    }

    /// The repository's .replint.yml gives both sides' baselines; a
    /// subscriber-first file is rehearsed on the subscriber's.
    @Test func withoutSchemaTheConfiguredBaselineOfTheFirstSideIsLoadedAndNamed() throws {
        let outcome = try ReplintProcess.run(["rehearse", "app_migrations/661a4319d18b.sql", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        let baseline = try #require(outcome.json["baseline"] as? [String: Any])
        #expect(baseline["side"] as? String == "subscriber")
        #expect((baseline["files"] as? [String])?.map { $0.hasSuffix("app_migrations/subscriber-schema.sql") } == [true])
        #expect((baseline["reason"] as? String)?.contains("declared subscriber-first") == true)
    }

    @Test func pgVariablesNeverChooseTheDatabase() throws {
        // A server that PGHOST/PGPORT point at: a rehearsal that read them
        // would find it; a URL without a host must not.
        let cluster = try EphemeralCluster.start()
        defer { cluster.stop() }
        let directory = try write("CREATE TABLE t (id int);\n")
        let outcome = try ReplintProcess.run(
            ["rehearse", "migration.sql", "--database-url", "dbname=postgres user=postgres"], in: directory,
            environment: ["PGHOST": cluster.socketDirectory, "PGPORT": String(cluster.port), "PGUSER": "postgres"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("could not rehearse"))
        let named = try ReplintProcess.run(
            ["rehearse", "migration.sql", "--database-url", cluster.conninfo()], in: directory,
            environment: ["PGHOST": "/nonexistent", "PGDATABASE": "nonexistent"])
        #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
    }

    @Test func notRehearsableIsANoteUnlessStrict() throws {
        let cluster = try EphemeralCluster.start()
        defer { cluster.stop() }
        let directory = try write("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nVACUUM t;\nBEGIN;\nCOMMIT;\n")
        let lenient = try ReplintProcess.run(["rehearse", "migration.sql", "--database-url", cluster.conninfo()], in: directory)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("not rehearsable in a transaction: line 4"))
        let strict = try ReplintProcess.run(["rehearse", "migration.sql", "--strict", "--database-url", cluster.conninfo()],
                                            in: directory)
        #expect(strict.status == 1)
    }

    @Test func setupProblemsExitTwo() throws {
        let directory = try write("SELECT 1;\n")
        let badBin = try ReplintProcess.run(["rehearse", "migration.sql", "--pg-bin", "/nonexistent"], in: directory)
        #expect(badBin.status == 2)
        #expect(badBin.stdout.contains("--pg-bin /nonexistent"))
        let missing = try ReplintProcess.run(["rehearse", "missing.sql"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("missing.sql: cannot be read"))
        #expect(!missing.stderr.contains("throwaway PostgreSQL"))
        let unreachable = try ReplintProcess.run(["rehearse", "migration.sql", "--database-url", "host=/nonexistent"],
                                                 in: directory)
        #expect(unreachable.status == 2)
        #expect(unreachable.stdout.contains("cannot connect"))
    }
}

@Suite(.serialized)
struct LintRehearseTests {
    @Test func rehearsesOnlyFilesWithoutErrorsInOneReport() throws {
        let directory = try ReplintProcess.temporaryDirectory()
        try "BEGIN;\nCREATE TABLE clean (id int PRIMARY KEY);\nCOMMIT;\n"
            .write(to: directory.appendingPathComponent("a_clean.sql"), atomically: true, encoding: .utf8)
        try "BEGIN;\nCREATE TABLE t (id int PRIMARY KEY);\nUPDATE alembic_version SET version_num='abc' WHERE alembic_version.version_num = 'def';\nCOMMIT;\n"
            .write(to: directory.appendingPathComponent("b_versioned.sql"), atomically: true, encoding: .utf8)
        let text = try ReplintProcess.run(["lint", "--rehearse", "."], in: directory)
        #expect(text.status == 1)
        #expect(text.stdout.contains("rehearsal of ./a_clean.sql") || text.stdout.contains("rehearsal of a_clean.sql"))
        #expect(text.stdout.contains("result: rehearsed"))
        #expect(text.stdout.contains("not rehearsed: ") && text.stdout.contains("b_versioned.sql"))

        let json = try ReplintProcess.run(["lint", "--rehearse", ".", "--format", "json"], in: directory)
        #expect(json.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lint = try #require(root["lint"] as? [String: Any])
        #expect((lint["findings"] as? [[String: Any]])?.contains { $0["severity"] as? String == "error" } == true)
        let rehearsals = try #require(root["rehearsals"] as? [[String: Any]])
        #expect(rehearsals.count == 1)
        #expect(rehearsals.first?["exit_code"] as? Int == 0)
        #expect((root["not_rehearsed"] as? [[String: Any]])?.count == 1)
    }

    /// The pull-request comment of `lint --rehearse --plan`: the plan's verdict and the rehearsal's locks, from a real
    /// rehearsal of the repository's migration on the subscriber's baseline, each in a collapsible section.
    @Test func markdownCarriesThePlanAndTheRehearsalsLocksInCollapsibleSections() throws {
        let outcome = try ReplintProcess.run(["lint", "--rehearse", "--plan", "--format", "markdown", "app_migrations/661a4319d18b.sql"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdout
        #expect(text.hasPrefix("### replint: 0 errors, 1 warning in 1 file\n"))
        #expect(text.contains("<details><summary><b>Plan of app_migrations/661a4319d18b.sql</b>: safe as declared: subscriber-first</summary>\n\n"
                              + "- line 5, subscriber-first: ALTER TABLE hbi.hosts ADD COLUMN last_check_in TIMESTAMP ...\n"), "\(text)")
        #expect(text.contains("<details><summary><b>Rehearsal of app_migrations/661a4319d18b.sql</b>: rehearsed, 5 lock(s) that block the application</summary>"))
        #expect(text.contains(try Regex(#"\n- lock line 5: ACCESS EXCLUSIVE on hbi\.hosts blocks reads and writes, held [0-9.]+ ms to the end of its transaction \(line 5\)\n"#)))
        #expect(text.contains("  result: rehearsed\n```\n\n</details>\n"))
        #expect(!outcome.stderr.contains("replint: ["), "no progress when stderr is not a terminal")
    }
}
