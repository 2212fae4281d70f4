#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the throwaway servers and the runner need, on
/// plain libc so these modules do not pull Foundation into replint's start-up.
package enum FileSystem {
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// mkdtemp under `parent`: a new directory only we can enter (0700).
    package static func makeTemporaryDirectory(in parent: String, prefix: String) throws -> String {
        var template = Array("\(parent)/\(prefix)XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw PostgresError.cluster("cannot create a temporary directory in \(parent): \(errnoDescription())")
        }
        return String(cString: template)
    }

    /// Removes `path` and everything below it without following symlinks.
    /// Returns false when something could not be removed.
    @discardableResult
    package static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 || errno == ENOENT }
        let childrenRemoved = (entries(of: path) ?? []).reduce(true) { removeTree("\(path)/\($1)") && $0 }
        return (rmdir(path) == 0 || errno == ENOENT) && childrenRemoved
    }

    /// Names in a directory, without "." and "..".
    package static func entries(of path: String) -> [String]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    package static func contents(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) } else if count < 0 && errno == EINTR { continue } else { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func append(_ text: String, to path: String) throws {
        guard let file = fopen(path, "a") else {
            throw PostgresError.cluster("cannot write \(path): \(errnoDescription())")
        }
        let written = fputs(text, file) >= 0
        guard fclose(file) == 0, written else {
            throw PostgresError.cluster("cannot write \(path): \(errnoDescription())")
        }
    }
}

package func errnoDescription() -> String {
    String(cString: strerror(errno))
}
