import Synchronization

/// The largest file replint reads (`--max-file-size`): a file named by
/// mistake (a dump, a log, a disk image) is reported, not loaded into memory.
public enum ReadLimits {
    public static let defaultMaximumFileSize = 256 << 20
    private static let maximum = Atomic<Int>(defaultMaximumFileSize)

    /// Set once by the command line, before any file is read.
    public static var maximumFileSize: Int {
        get { maximum.load(ordering: .relaxed) }
        set { maximum.store(newValue, ordering: .relaxed) }
    }

    /// `256 MB`, `512 kB`, `100 bytes`.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) kB" }
        return "\(bytes) bytes"
    }

    /// `256MB`, `10kB`, `4096`, `1GB` (any case; powers of 1024): nil when not a size.
    public static func parse(_ text: String) -> Int? {
        let lower = text.lowercased().trimmed(of: " ")
        let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where lower.hasSuffix(suffix) {
            guard let n = Int(lower.dropLast(suffix.count).trimmed(of: " ")), n > 0 else { return nil }
            return n.saturatingMultiply(factor)
        }
        guard let n = Int(lower), n > 0 else { return nil }
        return n
    }
}
