#if canImport(Glibc)
import Glibc
#endif
import SQLSource

/// Built baselines kept between runs, so that a pre-commit run on one small
/// file does not parse a large baseline every time. Keyed by the baseline
/// files' bytes, the search path, replint's version and this format's
/// version; a baseline with syntax errors is never cached (it is reported on
/// every run). Any failure to read or write the cache only costs a rebuild.
public struct CatalogCache: Sendable {
    /// Bump when the model or its encoding changes.
    static let formatVersion = 3

    public let directory: String
    public let toolVersion: String

    public init(directory: String, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    /// `$XDG_CACHE_HOME/replint`, else `$HOME/.cache/replint`; nil without either.
    public static func userCache(toolVersion: String) -> CatalogCache? {
        func variable(_ name: String) -> String? {
            guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
            return value
        }
        guard let base = variable("XDG_CACHE_HOME") ?? variable("HOME").map({ $0 + "/.cache" }) else { return nil }
        return CatalogCache(directory: base + "/replint", toolVersion: toolVersion)
    }

    /// The key for baselines with these contents, read under `searchPath`.
    public func key(contents: [[UInt8]], searchPath: [String]) -> String {
        var hash = FNV1a()
        hash.add("replint \(toolVersion) catalog \(Self.formatVersion)\u{0}")
        hash.add(searchPath.joined(separator: ",") + "\u{0}")
        for file in contents {
            hash.add(String(file.count) + "\u{0}")
            hash.add(file)
        }
        return hash.hex
    }

    /// Written first, so that a file of another format is never mistaken for a model.
    static var magic: String { "replint catalog \(formatVersion)" }

    func path(for key: String) -> String { "\(directory)/\(key).catalog" }

    public func load(key: String) -> LoadedBaseline? {
        guard let bytes = try? SourceFile.readBytes(path: path(for: key)) else { return nil }
        var reader = ByteReader(bytes)
        do {
            guard try reader.readString() == Self.magic else { return nil }
            var loaded = LoadedBaseline(catalog: try Catalog(from: &reader))
            let warnings = try reader.readInt()
            for _ in 0..<max(0, warnings) {
                let path = try String?(from: &reader)
                let line = try Int?(from: &reader), column = try Int?(from: &reader)
                let lower = try Int?(from: &reader), upper = try Int?(from: &reader)
                let range = lower.flatMap { l in upper.flatMap { u in l <= u ? l..<u : nil } }
                loaded.warnings.append(CatalogWarning(
                    path: path, location: line.map { SourceLocation(line: $0, column: column ?? 1) }, range: range,
                    message: try reader.readString()))
            }
            loaded.appliedCount = try reader.readInt()
            loaded.skippedCount = try reader.readInt()
            return reader.isAtEnd ? loaded : nil
        } catch {
            return nil
        }
    }

    public func store(_ loaded: LoadedBaseline, key: String) {
        guard loaded.syntaxErrors.isEmpty, makeDirectory(directory) else { return }
        var writer = ByteWriter()
        writer.write(Self.magic)
        loaded.catalog.write(to: &writer)
        writer.write(loaded.warnings.count)
        for warning in loaded.warnings {
            let fields: [Int?] = [warning.location?.line, warning.location?.column, warning.range?.lowerBound, warning.range?.upperBound]
            warning.path.write(to: &writer)
            for field in fields { field.write(to: &writer) }
            writer.write(warning.message)
        }
        writer.write(loaded.appliedCount)
        writer.write(loaded.skippedCount)
        // Written under a unique name and renamed into place, so a concurrent run never reads half a file.
        let temporary = "\(path(for: key)).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let written = writer.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != writer.bytes.count || rename(temporary, path(for: key)) != 0 { unlink(temporary) }
    }

    private func makeDirectory(_ path: String) -> Bool {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            parts.append(part)
            let prefix = (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}

/// 64-bit FNV-1a: fast, dependency-free, and plenty for a cache key.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        var v = value
        for byte in bytes {
            v ^= UInt64(byte)
            v = v &* 0x100_0000_01b3
        }
        value = v
    }

    mutating func add(_ text: String) { add(Array(text.utf8)) }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
