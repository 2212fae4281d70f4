import ArgumentParser
import Lint
import Rules
#if canImport(Glibc)
import Glibc
#endif

/// Options every command that reads migrations shares.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: the nearest .replint.yml from the working directory up).")
    var config: String?

    /// The configuration, or exit 2 with the key and line at fault.
    func load() throws -> Configuration {
        Self.load(config)
    }

    /// `explicit`, else the nearest `.replint.yml` from the working directory up, else the defaults.
    static func load(_ explicit: String?) -> Configuration {
        let path = explicit ?? ConfigurationLoader.find(from: ".")
        guard let path else { return Configuration() }
        do {
            return try ConfigurationLoader.load(path: path, knownRules: RuleRegistry.ids)
        } catch {
            fail("\(error)")
        }
    }
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    Console.err("replint: \(message)\n")
    exit(code)
}

func writeStdout(_ text: String) {
    Console.out(text)
}

/// Colour only for a terminal, and never with NO_COLOR set (no-color.org).
func useColor(_ choice: String) -> Bool {
    switch choice {
    case "always": return true
    case "never": return false
    default: return isatty(STDOUT_FILENO) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }
}

struct WriteError: Error, CustomStringConvertible {
    let description: String
}

func writeFile(_ path: String, _ text: String) throws {
    guard let f = fopen(path, "w") else { throw WriteError(description: "\(path): \(String(cString: strerror(errno)))") }
    defer { fclose(f) }
    guard fputs(text, f) >= 0 else { throw WriteError(description: "\(path): write failed") }
}
