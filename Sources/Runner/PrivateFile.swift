import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A temporary file only this user can read (mkstemp makes it 0600), for
/// secrets libpq wants as a path, such as Clowder's CA certificate. Removed
/// by `remove()`, and on SIGINT/SIGTERM, so a killed job leaves nothing.
final class PrivateFile: Sendable {
    let path: String
    private struct State {
        var removed = false
        var signalToken: SignalTrap.Token?
    }
    private let state = Mutex(State())

    init(contents: String, prefix: String) throws(RunSetupError) {
        let directory = PrivateFile.temporaryDirectory()
        var template = Array("\(directory)/\(prefix)XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw RunSetupError("cannot create a file in \(directory): \(errnoDescription())") }
        path = String(cString: template)
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        close(fd)
        guard written == bytes.count else {
            unlink(path)
            throw RunSetupError("cannot write \(path): \(errnoDescription())")
        }
        let token = SignalTrap.shared.register { [path] in unlink(path) }
        state.withLock { $0.signalToken = token }
    }

    deinit { remove() }

    func remove() {
        state.withLock { state in
            guard !state.removed else { return }
            state.removed = true
            unlink(path)
            if let signalToken = state.signalToken { SignalTrap.shared.unregister(signalToken) }
        }
    }

    private static func temporaryDirectory() -> String {
        guard let value = getenv("TMPDIR").map({ String(cString: $0) }), !value.isEmpty,
              FileSystem.realPath(value) != nil else { return "/tmp" }
        return value.hasSuffix("/") ? String(value.dropLast()) : value
    }
}
