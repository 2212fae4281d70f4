import ArgumentParser
import Lint
import Rules
import SQLSource
#if canImport(Glibc)
import Glibc
#endif

/// Options every command that reads migrations shares.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: the nearest .replint.yml from the working directory up).")
    var config: String?

    @Option(name: .long, help: "Largest file read (default 256MB; suffixes kB, MB, GB); bigger files are reported, not read.",
            transform: { text in
                guard let bytes = ReadLimits.parse(text) else { throw ValidationError("`\(text)` is not a size such as 256MB") }
                return bytes
            })
    var maxFileSize: Int?

    /// The configuration; a bad one throws, naming the key and line at fault.
    func load() throws(CLIError) -> Configuration {
        if let maxFileSize { ReadLimits.maximumFileSize = maxFileSize }
        return try Self.load(config)
    }

    /// `explicit`, else the nearest `.replint.yml` from the working directory up, else the defaults.
    static func load(_ explicit: String?) throws(CLIError) -> Configuration {
        let path = explicit ?? ConfigurationLoader.find(from: ".")
        guard let path else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path: path, knownRules: RuleRegistry.ids, aliases: RuleRegistry.aliases)
        } catch {
            throw CLIError(error)
        }
    }
}

/// What a command could not do: `Main` prints it after `replint: ` and exits 2.
/// Helpers throw it instead of exiting, so they can be tested in-process.
struct CLIError: Error, CustomStringConvertible, Equatable {
    let description: String

    init(_ description: String) { self.description = description }
    init(_ error: any Error) { self.description = "\(error)" }
}

func writeStdout(_ text: String) {
    Console.out(text)
}

func writeStderr(_ text: String) {
    Console.err(text)
}

/// Colour only for a terminal, and never with NO_COLOR set (no-color.org).
func useColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto: return isatty(STDOUT_FILENO) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }
}

func writeFile(_ path: String, _ text: String) throws(CLIError) {
    try ReportOutput.write(text, to: path)
}

/// `mkdir -p`: every missing folder on the way, and no error when it exists.
func createDirectories(_ path: String) throws(CLIError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
        prefix += part
        var info = stat()
        if stat(prefix, &info) != 0 {
            guard mkdir(prefix, 0o755) == 0 || errno == EEXIST else {
                throw CLIError("\(prefix): \(String(cString: strerror(errno)))")
            }
        } else if (info.st_mode & S_IFMT) != S_IFDIR {
            throw CLIError("\(prefix): exists and is not a folder")
        }
        prefix += "/"
    }
}
