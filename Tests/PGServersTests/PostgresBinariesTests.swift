import Foundation
import Testing
@testable import PGServers
import PGClient
import PGTestSupport

@Suite(.serialized)
struct PostgresBinariesTests {
    /// Lays out fake installations: each key is a directory under a scratch
    /// root, each value the programs (empty executables) it holds.
    private func layout(_ directories: [String: [String]]) throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        for (directory, programs) in directories {
            try FileManager.default.createDirectory(atPath: "\(scratch.path)/\(directory)", withIntermediateDirectories: true)
            for program in programs {
                try scratch.write("\(directory)/\(program)", "#!/bin/sh\n", executable: true)
            }
        }
        return scratch
    }

    private let all = ["initdb", "pg_ctl", "postgres", "pg_dump"]

    @Test func explicitDirectoryWinsOverEverythingElse() throws {
        let scratch = try layout(["explicit": all, "onpath": all])
        defer { scratch.remove() }
        let found = try PostgresBinaries.locate(.init(
            explicitDirectory: "\(scratch.path)/explicit", path: "\(scratch.path)/onpath",
            pgConfigBindir: { nil }, versionedRoot: "\(scratch.path)/none"))
        #expect(found.directory == "\(scratch.path)/explicit")
        #expect(found.pgDump == "\(scratch.path)/explicit/pg_dump")
    }

    @Test func anExplicitDirectoryWithoutTheProgramsIsAnError() throws {
        let scratch = try layout(["explicit": ["initdb"], "onpath": all])
        defer { scratch.remove() }
        let error = try #require(throws: PostgresError.self) {
            try PostgresBinaries.locate(.init(explicitDirectory: "\(scratch.path)/explicit", path: "\(scratch.path)/onpath"))
        }
        #expect("\(error)".contains("--pg-bin \(scratch.path)/explicit"))
    }

    @Test func pathComesBeforePgConfigAndVersionedDirectories() throws {
        let scratch = try layout(["a": ["initdb"], "b": all, "config": all, "versions/15/bin": all])
        defer { scratch.remove() }
        let found = try PostgresBinaries.locate(.init(
            path: "\(scratch.path)/a:\(scratch.path)/b", pgConfigBindir: { "\(scratch.path)/config" },
            versionedRoot: "\(scratch.path)/versions"))
        #expect(found.directory == "\(scratch.path)/b")
    }

    @Test func pgConfigComesBeforeVersionedDirectories() throws {
        let scratch = try layout(["config": all, "versions/15/bin": all])
        defer { scratch.remove() }
        let found = try PostgresBinaries.locate(.init(
            path: "", pgConfigBindir: { "\(scratch.path)/config" }, versionedRoot: "\(scratch.path)/versions"))
        #expect(found.directory == "\(scratch.path)/config")
    }

    @Test func theNewestVersionedDirectoryWins() throws {
        let scratch = try layout(["versions/9.6/bin": all, "versions/15/bin": all, "versions/13/bin": all,
                                  "versions/16/bin": ["pg_dump"], "versions/notes": []])
        defer { scratch.remove() }
        let found = try PostgresBinaries.locate(.init(path: "", pgConfigBindir: { nil },
                                                      versionedRoot: "\(scratch.path)/versions"))
        #expect(found.directory == "\(scratch.path)/versions/15/bin")
        #expect(found.initdb == "\(scratch.path)/versions/15/bin/initdb")
    }

    @Test func pgDumpBesideSymlinkedServerProgramsIsPreferred() throws {
        let scratch = try layout(["real/bin": all, "links": [], "other": ["pg_dump"]])
        defer { scratch.remove() }
        for program in ["initdb", "pg_ctl", "postgres"] {
            try FileManager.default.createSymbolicLink(atPath: "\(scratch.path)/links/\(program)",
                                                       withDestinationPath: "\(scratch.path)/real/bin/\(program)")
        }
        let found = try PostgresBinaries.locate(.init(
            path: "\(scratch.path)/other:\(scratch.path)/links", pgConfigBindir: { nil }, versionedRoot: "/nonexistent"))
        #expect(found.directory == "\(scratch.path)/links")
        #expect(found.pgDump == "\(scratch.path)/real/bin/pg_dump")
    }

    @Test func nothingFoundTellsHowToInstallPostgres() throws {
        let scratch = try layout(["empty": ["psql"]])
        defer { scratch.remove() }
        let error = try #require(throws: PostgresError.self) {
            try PostgresBinaries.locate(.init(path: "\(scratch.path)/empty", pgConfigBindir: { nil },
                                              versionedRoot: "\(scratch.path)/none"))
        }
        guard case .binariesNotFound(let message) = error else { Issue.record("wrong error: \(error)"); return }
        #expect(message.contains("apt-get install -y postgresql"))
    }

    @Test func thisMachineHasAnInstallation() throws {
        let found = try PostgresBinaries.locate()
        #expect(PostgresBinaries.isExecutable(found.postgres))
        #expect(PostgresBinaries.isExecutable(found.pgDump))
    }
}
