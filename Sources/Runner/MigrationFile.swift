import PGClient
import SQLSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The migration a run applies: a plain `*.sql` name inside the migrations
/// directory, read once. The seed joined the name to the directory
/// unchecked, so `../../etc/x.sql` or an absolute path ran whatever it named;
/// here anything that can leave the directory is refused.
public struct MigrationFile: Sendable {
    /// The name as given, e.g. `6f44b7ecd7be.sql`.
    public let name: String
    /// The directory joined with the name, for messages.
    public let path: String
    public let source: SourceFile
    /// The file the name resolves to, symbolic links followed.
    public let resolvedPath: String

    /// What the advisory lock is keyed on: the file itself and what it holds,
    /// so an alias (a symbolic link) never runs beside the file it names.
    var lockKey: String { "\(resolvedPath) \(Self.fnv1a(source.bytes))" }

    /// FNV-1a, 64 bits, in hex: a content fingerprint, not a security measure.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// `namedBy` is where the name came from (`--file` or the variable), so
    /// each message tells the user what to change.
    static func locate(name: String, in directory: String, namedBy origin: String) throws(RunSetupError) -> MigrationFile {
        try checkPlainName(name, namedBy: origin)
        let shownDirectory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let path = "\(shownDirectory.isEmpty ? "." : shownDirectory)/\(name)"
        guard let realDirectory = FileSystem.realPath(directory.isEmpty ? "." : directory) else {
            throw RunSetupError("the migrations directory \(directory) does not exist (--dir)")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw RunSetupError("\(origin) names \(name), but \(path) does not exist (\(errnoDescription()))")
        }
        guard let realFile = FileSystem.realPath(path) else {
            throw RunSetupError("\(origin) names \(name), but \(path) is a broken symbolic link")
        }
        guard realFile.hasPrefix(realDirectory == "/" ? "/" : realDirectory + "/") else {
            throw RunSetupError("\(origin) names \(name), a symbolic link to \(realFile), outside \(directory): refused")
        }
        guard stat(realFile, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw RunSetupError("\(origin) names \(name), but \(path) is not a regular file")
        }
        // Read what was checked, not the name again: the link could change in between.
        let source: SourceFile
        do {
            source = try SourceFile.read(path: realFile)
        } catch {
            throw RunSetupError("\(origin) names \(name), which cannot be used: \(error.reason)")
        }
        return MigrationFile(name: name, path: path, source: try relabel(source, as: path), resolvedPath: realFile)
    }

    static func checkPlainName(_ name: String, namedBy origin: String) throws(RunSetupError) {
        if name.trimmingTrailingWhitespace().isEmpty {
            throw RunSetupError("\(origin) is empty or unset: set it to the name of a .sql file in the migrations directory")
        }
        if name.hasPrefix("/") {
            throw RunSetupError("\(origin) is an absolute path (\(name)); give a plain file name inside the migrations directory")
        }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") || name == ".." {
            throw RunSetupError("\(origin) contains `..` (\(name)): the file must be inside the migrations directory")
        }
        if name.contains("/") || name.contains("\\") {
            throw RunSetupError("\(origin) contains a path separator (\(name)); give a plain file name, no subfolders")
        }
        if !name.hasSuffix(".sql") || name == ".sql" {
            throw RunSetupError("\(origin) must name a .sql file, not `\(name)`")
        }
    }

    /// Findings and messages show the path the user knows, not the resolved one.
    private static func relabel(_ source: SourceFile, as path: String) throws(RunSetupError) -> SourceFile {
        do {
            return try SourceFile(path: path, bytes: source.bytes)
        } catch {
            throw RunSetupError("\(path): \(error.reason)")
        }
    }
}
