import Foundation
import PGClient
import PGServers

/// Runs `body` against a fresh ephemeral cluster and always stops it.
public func withCluster<T>(_ options: EphemeralCluster.Options = .init(),
                    _ body: (EphemeralCluster) throws -> T) throws -> T {
    let cluster = try EphemeralCluster.start(options)
    defer { cluster.stop() }
    return try body(cluster)
}

/// A directory under /tmp that the server's user can traverse when the tests
/// run as root (mkdtemp makes 0700), removed by `remove()`.
public struct ScratchDirectory: Sendable {
    public let path: String

    public init() throws {
        var template = Array("/tmp/replint-test-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw PostgresError.cluster("mkdtemp failed") }
        path = String(cString: template)
        chmod(path, 0o755)
    }

    public var entries: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    public func write(_ name: String, _ text: String, executable: Bool = false) throws {
        try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8)
        chmod("\(path)/\(name)", executable ? 0o755 : 0o644)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Processes whose command line mentions `text`, read from /proc.
public func processes(mentioning text: String) -> [Int32] {
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { Int32($0) } ?? []
    return pids.filter { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return arguments.contains { $0.contains(text) }
    }
}

public func directoryExists(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
}
