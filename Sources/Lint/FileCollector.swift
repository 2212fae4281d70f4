#if canImport(Glibc)
import Glibc
#endif

/// Turns the PATH arguments of `lint` into the SQL files to lint: folders are
/// searched for `*.sql` (hidden folders skipped); baseline schema files and
/// `exclude` globs are left out.
public struct FileCollector: Sendable {
    public struct Collected: Sendable {
        public var files: [String] = []
        /// Paths that could not be read at all (missing, unreadable): exit 2.
        public var errors: [String] = []
        /// Worth saying, but not failures (a folder without SQL files, a skipped file).
        public var notes: [String] = []
        /// Files named on the command line and left out (excluded, or a baseline):
        /// pre-commit passes every changed file, so naming one is no error.
        public var skipped: [String] = []
    }

    let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public func collect(_ paths: [String]) -> Collected {
        var out = Collected()
        let baselines = Set(configuration.baselineFiles.map { resolve($0) })
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                out.errors.append("\(path): \(String(cString: strerror(errno)))")
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path, into: &found, errors: &out.errors)
                let kept = found.sorted().filter { !baselines.contains(absolutePath($0)) && !isExcluded($0) }
                if kept.isEmpty { out.notes.append("\(path): no .sql files to lint in this folder") }
                out.files += kept
            } else if baselines.contains(absolutePath(path)) {
                out.notes.append("\(path): skipped, it is a baseline the configuration's `schema:` names")
                out.skipped.append(path)
            } else if let glob = configuration.exclude.first(where: { configuration.matches($0, path: path) }) {
                out.notes.append("\(path): skipped, `exclude: \(glob)` matches it")
                out.skipped.append(path)
            } else {
                out.files.append(path)
            }
        }
        out.files = Self.once(out.files)
        return out
    }

    /// Each file once, at its first spelling: `a.sql ./a.sql`, or a folder and
    /// a file inside it, name the same file (same device and inode).
    static func once(_ files: [String]) -> [String] {
        // One file is once already; the set's first use is a conformance lookup a small run need not pay.
        guard files.count > 1 else { return files }
        var seen = Set<FileIdentity>()
        return files.filter { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return true }
            return seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        }
    }

    private struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// A config-relative path made absolute.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? normalize(path) : normalize(configuration.baseDirectory + "/" + path)
    }

    func isExcluded(_ path: String) -> Bool {
        configuration.exclude.contains { configuration.matches($0, path: path) }
    }

    private func walk(_ directory: String, into found: inout [String], errors: inout [String]) {
        guard let dir = opendir(directory) else {
            errors.append("\(directory): \(String(cString: strerror(errno)))")
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &found, errors: &errors)
            // Anything else named *.sql is the reader's to judge: a link to a
            // FIFO or a device is reported there, not skipped in silence.
            default: if name.hasSuffix(".sql") { found.append(path) }
            }
        }
    }
}

extension Configuration {
    /// The baseline files `schema:` names, absolute: the publisher's, and the
    /// subscriber's when it has its own (nil: both sides share the publisher's).
    public var resolvedBaselines: (publisher: [String], subscriber: [String]?) {
        let collector = FileCollector(configuration: self)
        switch schema {
        case .shared(let files)?: return (files.map(collector.resolve), nil)
        case .sides(let publisher, let subscriber)?: return ([collector.resolve(publisher)], [collector.resolve(subscriber)])
        case nil: return ([], nil)
        }
    }

    /// `app_migrations/` in the folder that holds the configuration file (the
    /// working directory without one), spelt relative to the working directory
    /// so that reports name files as the user would: `../app_migrations/x.sql`.
    public var defaultMigrationPaths: [String] {
        guard sourcePath != nil else { return ["app_migrations/"] }
        let relative = relativePath(from: absolutePath("."), to: absolutePath(baseDirectory + "/app_migrations"))
        return [relative + "/"]
    }
}

/// How to reach `target` from `directory`, both absolute and normalized.
func relativePath(from directory: String, to target: String) -> String {
    let from = directory.split(separator: "/"), to = target.split(separator: "/")
    var common = 0
    while common < from.count && common < to.count && from[common] == to[common] { common += 1 }
    let parts = Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
}
