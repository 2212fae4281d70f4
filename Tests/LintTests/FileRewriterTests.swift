import Foundation
import Testing
@testable import Lint
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileRewriterTests {
    func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replint-rewrite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aConcurrentEditIsDetectedAndKept() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/m.sql"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: SourceError.self) {
            try FileRewriter.replace(path, expecting: Array("old\n".utf8), with: Array("new\n".utf8)) {
                try? "someone else's edit\n".write(toFile: path, atomically: false, encoding: .utf8)
            }
        }
        #expect(try contents(path) == "someone else's edit\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.sql"], "no temporary file left")
    }

    @Test func aFileChangedSinceItWasLintedIsLeftAlone() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/m.sql"
        try "edited meanwhile\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            try FileRewriter.replace(path, expecting: Array("old\n".utf8), with: Array("new\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.reason.contains("changed since it was read"))
        }
        #expect(try contents(path) == "edited meanwhile\n")
    }

    @Test func aLinkIsFollowedAndKeptOwnerAndModeToo() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        let target = dir + "/real/m.sql", link = dir + "/link.sql"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(symlink("real/m.sql", link) == 0)
        #expect(chmod(target, 0o640) == 0)
        if getuid() == 0 { #expect(chown(target, 65534, 65534) == 0) }
        var before = stat()
        stat(target, &before)
        try FileRewriter.replace(link, expecting: Array("old\n".utf8), with: Array("new\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/m.sql")
        #expect(try contents(target) == "new\n")
        var after = stat()
        stat(target, &after)
        #expect(after.st_mode & 0o7777 == 0o640)
        #expect(after.st_uid == before.st_uid && after.st_gid == before.st_gid)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/real") == ["m.sql"])
    }

    @Test func aPlantedLinkAtThePredictableNameIsNotFollowed() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/m.sql", victim = dir + "/victim"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        for name in ["/m.sql.replint-tmp", "/.m.sql.replint-tmp"] { #expect(symlink(victim, dir + name) == 0) }
        try FileRewriter.replace(path, expecting: Array("old\n".utf8), with: Array("new\n".utf8))
        #expect(try contents(path) == "new\n")
        #expect(try contents(victim) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/m.sql.replint-tmp") == victim)
    }
}
