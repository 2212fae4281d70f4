#if canImport(Glibc)
import Glibc
#endif

/// A private directory in memory (/dev/shm when there is one) where a
/// harness writes its input as a file, so the code under test reads it the
/// way it reads a user's file.
public final class FuzzScratch: Sendable {
    public static let shared = FuzzScratch()
    public let directory: String

    private init() {
        let parent = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(parent)/replint-fuzz-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { fatalError("mkdtemp failed in \(parent)") }
        directory = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // libFuzzer ends with exit(); after a crash the directory stays behind.
        atexit { FuzzScratch.shared.remove() }
    }

    /// The directory and the files in it (it has no subdirectories).
    func remove() {
        guard let stream = opendir(directory) else { return }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink("\(directory)/\(name)") }
        }
        closedir(stream)
        rmdir(directory)
    }

    /// Replaces `name` with `bytes`; returns its path.
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = "\(directory)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot write \(path)") }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { fatalError("cannot write \(path)") }
            offset += written
        }
        close(fd)
        return path
    }
}

/// Takes a result, so the optimiser keeps the work that produced it.
@inline(never) @_optimize(none)
public func keep<T>(_ value: T) {}
