import Foundation
import Testing
@testable import PGServers
import PGClient
import PGTestSupport

@Suite(.serialized)
struct EphemeralClusterTests {
    @Test func startsWithTheRequestedSettings() throws {
        let options = EphemeralCluster.Options(walLevel: "logical", extraSettings: ["work_mem": "7MB"])
        try withCluster(options) { cluster in
            let connection = try cluster.connect()
            func show(_ setting: String) throws -> String? { try connection.execute("SHOW \(setting)").rows.first?[0] }
            #expect(try show("wal_level") == "logical")
            #expect(try show("work_mem") == "7MB")
            #expect(try show("fsync") == "off")
            #expect(try show("listen_addresses") == "")
            #expect(try show("server_encoding") == "UTF8")
            #expect(try show("lc_collate") == "C")
            #expect(try connection.execute("SELECT current_user").rows == [["postgres"]])
            #expect(cluster.readLog().contains("database system is ready to accept connections"))
            #expect(cluster.logFile.hasPrefix(cluster.directory))
        }
    }

    @Test func createsDatabases() throws {
        try withCluster { cluster in
            try cluster.createDatabase("inventory test")
            let connection = try cluster.connect(database: "inventory test")
            #expect(try connection.execute("SELECT current_database()").rows == [["inventory test"]])
        }
    }

    @Test func stopRemovesTheDirectoryAndTheServer() throws {
        let cluster = try EphemeralCluster.start()
        let dataDirectory = cluster.dataDirectory
        #expect(directoryExists(cluster.directory))
        #expect(!processes(mentioning: dataDirectory).isEmpty)
        cluster.stop()
        cluster.stop()
        #expect(!directoryExists(cluster.directory))
        #expect(processes(mentioning: dataDirectory).isEmpty)
        #expect(throws: PostgresError.self) { try cluster.connect() }
    }

    @Test func releasingTheClusterStopsIt() throws {
        var dataDirectory = ""
        do {
            let cluster = try EphemeralCluster.start()
            dataDirectory = cluster.dataDirectory
        }
        #expect(!dataDirectory.isEmpty)
        #expect(!directoryExists(dataDirectory))
        #expect(processes(mentioning: dataDirectory).isEmpty)
    }

    @Test func twoClustersAreIndependent() throws {
        let first = try EphemeralCluster.start()
        defer { first.stop() }
        let second = try EphemeralCluster.start()
        defer { second.stop() }
        #expect(first.directory != second.directory)
        try first.connect().execute("CREATE TABLE only_in_first (a int)")
        let lookup = "SELECT count(*) FROM pg_class WHERE relname = 'only_in_first'"
        #expect(try second.connect().execute(lookup).rows == [["0"]])
        first.stop()
        #expect(try second.connect().execute("SELECT 1").rows == [["1"]])
    }

    @Test func aServerThatDoesNotStartLeavesNothingBehind() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let options = EphemeralCluster.Options(extraSettings: ["replint_no_such_setting": "1"],
                                               parentDirectory: parent.path)
        let error = try #require(throws: PostgresError.self) { try EphemeralCluster.start(options) }
        #expect("\(error)".contains("replint_no_such_setting"))
        #expect(parent.entries.isEmpty)
        #expect(processes(mentioning: parent.path).isEmpty)
    }

    @Test func anInitdbThatFailsLeavesNothingBehind() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let bin = try ScratchDirectory()
        defer { bin.remove() }
        try bin.write("initdb", "#!/bin/sh\necho 'initdb: disk on fire' >&2\nexit 1\n", executable: true)
        for program in ["pg_ctl", "postgres", "pg_dump"] { try bin.write(program, "#!/bin/sh\nexit 1\n", executable: true) }
        let options = EphemeralCluster.Options(binDirectory: bin.path, parentDirectory: parent.path)
        let error = try #require(throws: PostgresError.self) { try EphemeralCluster.start(options) }
        #expect("\(error)".contains("disk on fire"))
        #expect(parent.entries.isEmpty)
    }

    @Test func invalidSettingNamesAreRejected() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let options = EphemeralCluster.Options(extraSettings: ["work_mem = 1\nfsync": "on"], parentDirectory: parent.path)
        #expect(throws: PostgresError.self) { try EphemeralCluster.start(options) }
        #expect(parent.entries.isEmpty)
    }

    @Test func anUnknownServerUserIsAClearError() throws {
        let error = try #require(throws: PostgresError.self) {
            try EphemeralCluster.start(.init(runAsUser: "replint-no-such-user"))
        }
        let expected = geteuid() == 0 ? "no user \"replint-no-such-user\"" : "switching users needs root"
        #expect("\(error)".contains(expected))
    }
}

/// What the options write into postgresql.conf, without starting a server.
@Suite struct EphemeralClusterOptionsTests {
    @Test func settingsAreQuotedForPostgresqlConf() throws {
        let text = try EphemeralCluster.Options(extraSettings: ["search_path": "a, 'b'"])
            .configuration(socketDirectory: "/tmp/x y", port: 54000)
        #expect(text.contains("unix_socket_directories = '/tmp/x y'\n"))
        #expect(text.contains("search_path = 'a, ''b'''\n"))
        #expect(text.hasSuffix("search_path = 'a, ''b'''\n"))
    }
}

/// The cached initdb output (`InitdbTemplate`): kept after the first start,
/// copied by the next, ignored when anyone but the server's user could have
/// written it, and never shared between different PostgreSQL binaries.
@Suite(.serialized)
struct InitdbTemplateTests {
    static let marker = "replint-template-test-marker"

    static func template() throws -> InitdbTemplate {
        let binaries = try PostgresBinaries.locate()
        let account = try ServerAccount.resolve(requestedUser: nil)
        return try #require(InitdbTemplate(binaries: binaries, account: account,
                                           parent: "/tmp"))
    }

    @Test func aStartKeepsATemplateAndTheNextStartCopiesIt() throws {
        try withCluster { _ in }
        let template = try Self.template()
        let data = try #require(template.usableDataDirectory, "no usable template at \(template.path)")
        var info = stat()
        #expect(lstat(template.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        try "copied\n".write(toFile: "\(data)/\(Self.marker)", atomically: false, encoding: .utf8)
        defer { unlink("\(data)/\(Self.marker)") }
        try withCluster { cluster in
            #expect(FileSystem.exists("\(cluster.dataDirectory)/\(Self.marker)"))
            let rows = try cluster.connect().execute("SELECT 1").rows
            #expect(rows == [["1"]])
        }
    }

    @Test func aTemplateOthersCouldWriteIsIgnoredAndInitdbRuns() throws {
        try withCluster { _ in }
        let template = try Self.template()
        let data = try #require(template.usableDataDirectory)
        try "copied\n".write(toFile: "\(data)/\(Self.marker)", atomically: false, encoding: .utf8)
        defer { unlink("\(data)/\(Self.marker)") }
        chmod(template.path, 0o750)
        defer { chmod(template.path, 0o700) }
        #expect(template.usableDataDirectory == nil)
        try withCluster { cluster in
            #expect(!FileSystem.exists("\(cluster.dataDirectory)/\(Self.marker)"))
            let rows = try cluster.connect().execute("SELECT 1").rows
            #expect(rows == [["1"]])
        }
    }

    @Test func otherBinariesHaveAnotherTemplate() throws {
        let bin = try ScratchDirectory()
        defer { bin.remove() }
        for program in ["initdb", "pg_ctl", "postgres", "pg_dump"] { try bin.write(program, "#!/bin/sh\nexit 1\n", executable: true) }
        let other = try PostgresBinaries.locate(.init(explicitDirectory: bin.path))
        let account = try ServerAccount.resolve(requestedUser: nil)
        let theirs = try #require(InitdbTemplate(binaries: other, account: account, parent: "/tmp"))
        #expect(theirs.path != (try Self.template()).path)
        #expect(theirs.path.hasPrefix("/tmp/\(InitdbTemplate.prefix)"))
    }
}
