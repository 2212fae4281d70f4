import Foundation
import Testing
@testable import SQLSource

/// Only regular files are read, and never without bound.
@Suite struct RegularFileTests {
    func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "replint-read-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func reason(_ path: String) -> String? {
        do { _ = try SourceFile.read(path: path); return nil } catch { return error.description }
    }

    @Test func aFIFOIsReportedWithoutWaitingForAWriter() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo("\(dir)/pipe.sql", 0o644) == 0)
        #expect(reason("\(dir)/pipe.sql") == "\(dir)/pipe.sql: is a FIFO (named pipe): only regular files are read")
        #expect(symlink("\(dir)/pipe.sql", "\(dir)/link.sql") == 0)
        #expect(reason("\(dir)/link.sql")?.contains("FIFO") == true)
    }

    @Test func aLinkToDevZeroIsNotRead() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(symlink("/dev/zero", "\(dir)/zero.sql") == 0)
        #expect(reason("\(dir)/zero.sql") == "\(dir)/zero.sql: is a character device: only regular files are read")
    }

    @Test func aSocketIsReported() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/s.sql"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(reason(path) == "\(path): is a socket: only regular files are read")
    }

    @Test func aFileOverTheDefaultLimitIsNotRead() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = "\(dir)/big.sql"
        // Sparse: one byte over 256 MB costs no disk.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(256 << 20) + 1) == 0)
        #expect(reason(path) == "\(path): is 268435457 bytes, over the 256 MB limit (--max-file-size): not read")
    }

    @Test func utf16IsNamedByItsByteOrderMark() {
        for bytes: [UInt8] in [[0xFF, 0xFE, 0x53, 0x00, 0x45, 0x00], [0xFE, 0xFF, 0x00, 0x53, 0x00, 0x45]] {
            do {
                _ = try SourceFile(path: "w.sql", bytes: bytes)
                Issue.record("UTF-16 was accepted")
            } catch {
                #expect(error.reason == "is UTF-16 encoded (byte-order mark); save it as UTF-8")
            }
        }
    }

    @Test func sizesParseWithUnits() {
        #expect(ReadLimits.parse("256MB") == 256 << 20)
        #expect(ReadLimits.parse("10kB") == 10 << 10)
        #expect(ReadLimits.parse("1g") == 1 << 30)
        #expect(ReadLimits.parse("4096") == 4096)
        #expect(ReadLimits.parse("lots") == nil)
        #expect(ReadLimits.parse("-5MB") == nil)
    }
}
