/// Shell-style globs for `exclude` and `replication.files`: `*` and `?` stay
/// within one path part, `**` crosses parts.
public enum Glob {
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        let slash: UInt8 = 0x2F, star: UInt8 = 0x2A
        if first == star && p.dropFirst().first == star {
            var rest = p.dropFirst(2)
            if rest.first == slash { rest = rest.dropFirst() }
            if rest.isEmpty { return true }
            var candidate = s
            while true {
                if match(rest, candidate) { return true }
                guard let next = candidate.firstIndex(of: slash) else { return false }
                candidate = candidate[(next + 1)...]
            }
        }
        if first == star {
            var candidate = s
            while true {
                if match(p.dropFirst(), candidate) { return true }
                guard let c = candidate.first, c != slash else { return false }
                candidate = candidate.dropFirst()
            }
        }
        guard let c = s.first, c != slash || first == slash else { return false }
        if first == 0x3F || first == c { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}

extension Configuration {
    /// Whether a glob from the configuration matches `path`: a relative glob
    /// is relative to the configuration file's folder (never to the working
    /// directory, so `cd app_migrations && replint lint` excludes the same
    /// files); an absolute one is matched against the absolute path.
    public func matches(_ glob: String, path: String) -> Bool {
        let absolute = absolutePath(path)
        if glob.hasPrefix("/") { return Glob.matches(normalize(glob), absolute) }
        let base = absolutePath(baseDirectory)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        // Outside that folder only a glob such as `**/legacy/**` can match.
        let relative = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
        return Glob.matches(glob, relative)
    }
}
