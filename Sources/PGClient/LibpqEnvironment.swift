#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libpq fills every connection parameter a conninfo leaves out from PG*
/// variables (PGHOST, PGDATABASE, PGSERVICE, ...). A rehearsal must reach
/// only the database it was told to, so it clears them from its process
/// first; a shell pointed at production then cannot redirect it. `ship`
/// clears them too: it reaches exactly the two databases it is given.
public enum LibpqEnvironment {
    /// Removes every PG* variable; returns their names.
    @discardableResult
    public static func clear() -> [String] {
        var names: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if text.hasPrefix("PG"), let equals = text.firstIndex(of: "=") { names.append(String(text[..<equals])) }
            entry += 1
        }
        for name in names { unsetenv(name) }
        return names
    }
}
