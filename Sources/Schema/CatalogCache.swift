#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    static let formatVersion = 1

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

    struct Entry: Codable {
        var catalog: Catalog
        var warnings: [Warning]
        var appliedCount: Int
        var skippedCount: Int

        struct Warning: Codable {
            var path: String?
            var line: Int?
            var column: Int?
            var range: Range<Int>?
            var message: String
        }
    }

    func path(for key: String) -> String { "\(directory)/\(key).catalog" }

    public func load(key: String) -> LoadedBaseline? {
        guard let bytes = try? SourceFile.readBytes(path: path(for: key)),
              let entry = try? PropertyListDecoder().decode(Entry.self, from: Data(bytes)) else { return nil }
        var loaded = LoadedBaseline(catalog: entry.catalog)
        loaded.warnings = entry.warnings.map { w in
            CatalogWarning(path: w.path, location: w.line.map { SourceLocation(line: $0, column: w.column ?? 1) }, range: w.range, message: w.message)
        }
        loaded.appliedCount = entry.appliedCount
        loaded.skippedCount = entry.skippedCount
        return loaded
    }

    public func store(_ loaded: LoadedBaseline, key: String) {
        guard loaded.syntaxErrors.isEmpty else { return }
        let entry = Entry(
            catalog: loaded.catalog,
            warnings: loaded.warnings.map { Entry.Warning(path: $0.path, line: $0.location?.line, column: $0.location?.column, range: $0.range, message: $0.message) },
            appliedCount: loaded.appliedCount, skippedCount: loaded.skippedCount)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        guard let data = try? encoder.encode(entry), makeDirectory(directory) else { return }
        // Written under a unique name and renamed into place, so a concurrent run never reads half a file.
        let temporary = "\(path(for: key)).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written != data.count || rename(temporary, path(for: key)) != 0 { unlink(temporary) }
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
