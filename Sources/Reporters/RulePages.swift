import Lint
#if canImport(Glibc)
import Glibc
#endif

/// Where a rule's page is, for SARIF's `helpUri` and Markdown's links.
public enum RulePages {
    /// `rule_pages` when the configuration sets it; else the `rules/` folder
    /// of the replint that runs, as a `file://` URI: the checkout it was built
    /// in (`rules/` at the repository root) or, installed, PREFIX/share/doc/replint/rules.
    public static func base(configured: String?, executable: String? = runningExecutable()) -> String? {
        if let configured { return configured }
        guard let executable else { return nil }
        var directory = parent(executable)
        while true {
            for candidate in ["\(directory)/rules", "\(directory)/share/doc/replint/rules"]
            where access("\(candidate)/README.md", R_OK) == 0 {
                return SARIFReporter.fileURI(directory: candidate)
            }
            if directory == "/" || directory.isEmpty { return nil }
            directory = parent(directory)
        }
    }

    /// The real path of this process's program (`/proc/self/exe`).
    public static func runningExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
