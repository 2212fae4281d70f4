import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's content for `replint fix`, so that no failure, link or
/// concurrent edit costs the user a file:
/// - a symbolic link is followed: the file it points to is replaced, the link stays;
/// - the new content goes to a temporary file with an unpredictable name in
///   the same directory, created with O_EXCL|O_NOFOLLOW (a planted file or
///   link under that name is never opened), given the file's owner and mode,
///   written, fsynced, and renamed over the file; then the directory is fsynced;
/// - the file must still hold what was linted, and its size, mtime and inode
///   are checked again just before the rename: a file changed meanwhile is left
///   as the other writer left it, and the fix is reported as not done.
enum FileRewriter {
    static func replace(_ path: String, expecting original: [UInt8], with bytes: [UInt8],
                        beforeRename: () -> Void = {}) throws(SourceError) {
        func failure(_ reason: String) -> SourceError { SourceError(path: path, reason: reason) }
        guard let resolved = realpath(path, nil) else { throw failure("cannot be resolved: \(errnoText)") }
        let target = String(cString: resolved)
        free(resolved)
        let (identity, current) = try readWithIdentity(target, path: path)
        guard current == original else { throw failure("changed since it was read; left as it is") }
        let slash = target.lastIndex(of: "/")!
        let directory = slash == target.startIndex ? "/" : String(target[..<slash])
        let (fd, temporary) = try createTemporary(directory: directory, name: String(target[target.index(after: slash)...]), path: path)
        var keep = false
        defer { if !keep { unlink(temporary) } }
        do {
            defer { close(fd) }
            // Owner first: chown clears set-id bits, chmod puts them back.
            guard fchown(fd, identity.st_uid, identity.st_gid) == 0 else {
                throw failure("cannot keep its owner \(identity.st_uid):\(identity.st_gid): \(errnoText); left as it is")
            }
            guard fchmod(fd, identity.st_mode & 0o7777) == 0 else { throw failure("cannot keep its mode: \(errnoText)") }
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw failure("cannot be written: fsync: \(errnoText)") }
        }
        beforeRename()
        var now = stat()
        guard stat(target, &now) == 0, sameVersion(identity, now) else {
            throw failure("changed while it was being fixed; left as the other writer left it")
        }
        guard rename(temporary, target) == 0 else { throw failure("cannot be replaced: \(errnoText)") }
        keep = true
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    private static var errnoText: String { String(cString: strerror(errno)) }

    private static func readWithIdentity(_ target: String, path: String) throws(SourceError) -> (stat, [UInt8]) {
        let fd = open(target, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw SourceError(path: path, reason: "cannot be read: \(errnoText)") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SourceError(path: path, reason: "is not a regular file; left as it is")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw SourceError(path: path, reason: "cannot be read: \(errnoText)") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return (info, bytes)
    }

    private static func createTemporary(directory: String, name: String, path: String) throws(SourceError) -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let suffix = String(generator.next() as UInt64, radix: 36)
            let temporary = "\(directory)/.\(name).replint-\(suffix)"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { break }
        }
        throw SourceError(path: path, reason: "cannot create a temporary file in \(directory): \(errnoText)")
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SourceError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SourceError(path: path, reason: "cannot be written: \(errnoText)") }
            offset += n
        }
    }

    static func sameVersion(_ a: stat, _ b: stat) -> Bool {
        a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size
            && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec
    }
}
