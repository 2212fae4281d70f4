#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQL file as bytes, checked to be UTF-8 text. Byte offsets into `bytes`
/// are the currency of every range in replint; `lines` turns them into
/// 1-based line and column (Unicode scalars) at the edge.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineTable
    /// 3 when the file starts with a UTF-8 byte-order mark, else 0.
    public let contentStart: Int

    public init(path: String, bytes: [UInt8]) throws(SourceError) {
        self.path = path
        // Before the NUL check: UTF-16 text is full of NUL bytes.
        if let encoding = SourceFile.wideEncoding(bytes) {
            throw SourceError(path: path, reason: "is \(encoding) encoded (byte-order mark); save it as UTF-8")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw SourceError(path: path, reason: "contains a NUL byte at offset \(nul): not a text file")
        }
        if let bad = SourceFile.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw SourceError(path: path, reason: "is not valid UTF-8 (first bad byte at offset \(bad), line \(line))")
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.bytes = bytes
        self.contentStart = bom
        self.lines = LineTable(bytes, firstLineStart: bom)
    }

    public init(path: String, text: String) throws(SourceError) {
        try self.init(path: path, bytes: Array(text.utf8))
    }

    /// Reads a file from disk; every failure is a `SourceError` naming the path.
    public static func read(path: String) throws(SourceError) -> SourceFile {
        let bytes = try readBytes(path: path)
        return try SourceFile(path: path, bytes: bytes)
    }

    /// Reads a regular file of at most `ReadLimits.maximumFileSize` bytes.
    /// A FIFO, socket or device is refused before it is opened for reading
    /// (and the open cannot block: `O_NONBLOCK`), so replint never waits on a
    /// pipe nor reads `/dev/zero` until memory runs out.
    public static func readBytes(path: String) throws(SourceError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SourceError(path: path, reason: "cannot be read: \(errnoText())") }
        try requireRegular(info, path: path)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw SourceError(path: path, reason: "cannot be read: \(errnoText())") }
        defer { close(fd) }
        // Again on what was opened: the name may have been replaced meanwhile.
        guard fstat(fd, &info) == 0 else { throw SourceError(path: path, reason: "cannot be read: \(errnoText())") }
        try requireRegular(info, path: path)
        let limit = ReadLimits.maximumFileSize
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        // Not zero-filled: read overwrites it, and clearing 64kB per file is most of reading a small one.
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw SourceError(path: path, reason: "cannot be read: \(errnoText())")
            }
            if n == 0 { break }
            // A file that grows while it is read is held to the same limit.
            guard result.count + n <= limit else { throw tooLarge(path: path, size: result.count + n, limit: limit) }
            result.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
        }
        return result
    }

    private static func requireRegular(_ info: stat, path: String) throws(SourceError) {
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let limit = ReadLimits.maximumFileSize
            if Int(info.st_size) > limit { throw tooLarge(path: path, size: Int(info.st_size), limit: limit) }
            return
        case S_IFDIR: throw SourceError(path: path, reason: "is a directory")
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        default: kind = "not a regular file"
        }
        throw SourceError(path: path, reason: "is \(kind): only regular files are read")
    }

    private static func tooLarge(path: String, size: Int, limit: Int) -> SourceError {
        SourceError(path: path, reason: "is \(size) bytes, over the \(ReadLimits.describe(limit)) limit (--max-file-size): not read")
    }

    /// UTF-16 or UTF-32 named by its byte-order mark (UTF-32 first: its
    /// little-endian mark begins with UTF-16's).
    static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// The text of a byte range (ranges always fall on UTF-8 boundaries here).
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    public func location(of offset: Int) -> SourceLocation {
        lines.location(of: offset, in: bytes)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            if b & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return i }
            guard i + length <= n else { return i }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            minimum = 0
            i += length
        }
        return nil
    }
}

public struct SourceError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

func errnoText() -> String { String(cString: strerror(errno)) }
