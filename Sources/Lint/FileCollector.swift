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
        /// Worth saying, but not failures (a folder without SQL files).
        public var notes: [String] = []
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
            } else if !baselines.contains(absolutePath(path)) && !isExcluded(path) {
                out.files.append(path)
            }
        }
        return out
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
            case S_IFREG, S_IFLNK: if name.hasSuffix(".sql") { found.append(path) }
            default: continue
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
}
