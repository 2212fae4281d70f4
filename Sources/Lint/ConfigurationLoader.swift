import YAMLTree
#if canImport(Glibc)
import Glibc
#endif
import SQLSource

/// A bad configuration: exit 2, naming the key and its line.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

public enum ConfigurationLoader {
    public static let fileName = ".replint.yml"

    /// The nearest `.replint.yml` from `directory` upwards, if any.
    public static func find(from directory: String) -> String? {
        var dir = absolutePath(directory)
        while true {
            let candidate = dir == "/" ? "/\(fileName)" : "\(dir)/\(fileName)"
            if access(candidate, F_OK) == 0 { return candidate }
            if dir == "/" || dir.isEmpty { return nil }
            dir = parentDirectory(dir)
        }
    }

    /// Reads `path`. Only called when a file exists, so runs without one never load YAML.
    /// `knownRules` and `aliases` are evaluated only if the file has `rules:`.
    public static func load(path: String, knownRules: @autoclosure @escaping () -> Set<RuleID>,
                            aliases: @autoclosure @escaping () -> RuleAliases = RuleAliases()) throws -> Configuration {
        let bytes: [UInt8]
        do { bytes = try SourceFile.readBytes(path: path) } catch {
            throw ConfigurationError(path: path, line: nil, message: "cannot be read: \(error.reason)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let root: YAMLNode?
        do { root = try YAMLDocument.parseFirst(text) } catch {
            throw ConfigurationError(path: path, line: error.line, message: "is not valid YAML: \(error.message)")
        }
        var config = Configuration()
        config.sourcePath = path
        config.baseDirectory = parentDirectory(absolutePath(path))
        guard let root else { return config }
        try ConfigurationReader(path: path, knownRules: knownRules, aliases: aliases).read(root, into: &config)
        return config
    }
}

/// `path` made absolute against the working directory, `.` and `..` resolved.
public func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return normalize(path) }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    return normalize(String(cString: buffer) + "/" + path)
}

func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// Removes `.` and `..` parts and doubled slashes.
func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        if part == "." { continue }
        if part == ".." { _ = parts.popLast(); continue }
        parts.append(part)
    }
    // Appended by hand: `joined(separator:)` on substrings is not specialized,
    // and its witness lookups cost more than every path of a small run.
    var normalized = path.hasPrefix("/") ? "/" : ""
    for (i, part) in parts.enumerated() {
        if i > 0 { normalized += "/" }
        normalized += String(part)
    }
    return normalized
}
