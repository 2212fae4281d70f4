import Foundation
import Testing
@testable import PGServers
import PGTestSupport

/// Which `replint-pg-*` directories a start reclaims: only those whose
/// owner is gone and in which no server runs.
@Suite struct StaleClustersTests {
    /// The pid of a process that has exited and been reaped.
    private func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func removesOnlyDirectoriesWhoseOwnerIsGone() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let dead = "\(parent.path)/replint-pg-dead01"
        let ours = "\(parent.path)/replint-pg-ours01"
        let unclaimed = "\(parent.path)/replint-pg-young1"
        let unrelated = "\(parent.path)/not-replint-pg"
        for directory in [dead, ours, unclaimed, unrelated] {
            try FileManager.default.createDirectory(atPath: "\(directory)/data", withIntermediateDirectories: true)
        }
        try "\(try deadPid()) 12345\n".write(toFile: "\(dead)/owner", atomically: true, encoding: .utf8)
        try "\(try deadPid()) 12345\n".write(toFile: "\(unrelated)/owner", atomically: true, encoding: .utf8)
        try StaleClusters.claim(ours)
        #expect(StaleClusters.sweep(in: parent.path) == [dead])
        #expect(!directoryExists(dead))
        #expect(directoryExists(ours) && directoryExists(unclaimed) && directoryExists(unrelated))
    }

    @Test func aReusedPidIsNotTheOwner() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let directory = "\(parent.path)/replint-pg-reused"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Our pid, but a start time that is not ours: the owner was another process.
        try "\(getpid()) 1\n".write(toFile: "\(directory)/owner", atomically: true, encoding: .utf8)
        #expect(StaleClusters.isAbandoned(directory))
        try StaleClusters.claim(directory)
        #expect(!StaleClusters.isAbandoned(directory))
    }

    /// `claim` creates the owner file, then writes it: a sweep by another
    /// replint in between sees an empty file, which must not read as "owner
    /// gone" (it removed a cluster directory as it started). An empty file
    /// counts as no owner yet: left alone until the grace period is over.
    @Test func anOwnerFileBeingWrittenIsNotAbandonedUntilTheGracePeriodEnds() throws {
        let parent = try ScratchDirectory()
        defer { parent.remove() }
        let directory = "\(parent.path)/replint-pg-start1"
        try FileManager.default.createDirectory(atPath: "\(directory)/data", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: "\(directory)/owner", contents: nil)
        #expect(!StaleClusters.isAbandoned(directory))
        #expect(StaleClusters.sweep(in: parent.path).isEmpty)
        let longAgo = Date().addingTimeInterval(-Double(StaleClusters.unclaimedGraceSeconds) - 60)
        for path in [directory, "\(directory)/data", "\(directory)/owner"] {
            try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: path)
        }
        #expect(StaleClusters.isAbandoned(directory))
    }
}
