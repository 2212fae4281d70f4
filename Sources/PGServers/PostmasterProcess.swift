import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An ephemeral cluster's postmaster, started directly rather than through
/// pg_ctl (which daemonises it, so nothing ties it to replint), by a thread
/// of its own that then waits for it. The command carries a parent-death
/// signal (`setpriv --pdeathsig SIGKILL`, see `ServerAccount`), which Linux
/// sends when the *thread* that spawned the process ends; so that thread
/// lives exactly as long as the server, and when replint dies, however it
/// dies, the kernel kills the postmaster, and its children exit on
/// postmaster death.
final class PostmasterProcess: Sendable {
    private enum State {
        case starting
        case running(pid_t)
        case failed(String)
        case exited(pid_t, status: Int32)
    }

    private let state = Mutex(State.starting)
    private let command: [String]
    private let logFile: String
    private let workingDirectory: String

    private init(command: [String], logFile: String, workingDirectory: String) {
        self.command = command
        self.logFile = logFile
        self.workingDirectory = workingDirectory
    }

    /// Starts `command` (stdout and stderr appended to `logFile`) on a new
    /// thread and returns once it runs; `onStart` sees its pid first, so a
    /// teardown racing with the start always knows what to stop.
    static func launch(_ command: [String], logFile: String, in directory: String,
                       onStart: (PostmasterProcess) -> Void) throws -> PostmasterProcess {
        let process = PostmasterProcess(command: command, logFile: logFile, workingDirectory: directory)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(process).toOpaque()
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<PostmasterProcess>.fromOpaque(context!).takeRetainedValue().spawnAndWatch()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<PostmasterProcess>.fromOpaque(context).release()
            throw PostgresError.cluster("cannot start a thread for the postmaster: \(String(cString: strerror(created)))")
        }
        pthread_detach(thread)
        // posix_spawn returns at once; this waits for it, not for the server.
        while true {
            switch process.state.withLock({ $0 }) {
            case .starting: usleep(1_000)
            case .failed(let reason): throw PostgresError.cluster(reason)
            case .running, .exited:
                onStart(process)
                return process
            }
        }
    }

    /// On the watcher thread: never returns before the postmaster has exited.
    private func spawnAndWatch() {
        let log = open(logFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard log >= 0 else {
            state.withLock { $0 = .failed("cannot open the server log \(logFile): \(errnoDescription())") }
            return
        }
        let pid: pid_t
        do {
            pid = try Subprocess(executable: command[0], arguments: Array(command.dropFirst()),
                                 workingDirectory: workingDirectory).spawn(output: log)
            close(log)
        } catch {
            close(log)
            state.withLock { $0 = .failed("\(error)") }
            return
        }
        state.withLock { $0 = .running(pid) }
        let status = Subprocess.wait(for: pid)
        state.withLock { $0 = .exited(pid, status: status) }
    }

    var pid: pid_t? {
        switch state.withLock({ $0 }) {
        case .running(let pid), .exited(let pid, _): pid
        case .starting, .failed: nil
        }
    }

    /// The exit status (128 + signal when killed) once it has exited.
    var exitStatus: Int32? {
        if case .exited(_, let status) = state.withLock({ $0 }) { return status }
        return nil
    }

    /// Immediate shutdown (SIGQUIT: no checkpoint; nothing in an ephemeral
    /// cluster is worth one), then SIGKILL to its process group when it has
    /// not exited within `seconds`. Returns once it has exited, or after the
    /// kill had time to work.
    func stop(waitingUpTo seconds: Int = 10) {
        guard case .running(let pid) = state.withLock({ $0 }) else { return }
        kill(pid, SIGQUIT)
        if waitForExit(milliseconds: seconds * 1000) { return }
        // Not reaped yet, so the group id is still the postmaster's own.
        kill(-pid, SIGKILL)
        _ = waitForExit(milliseconds: 5000)
    }

    func waitForExit(milliseconds: Int) -> Bool {
        for _ in 0..<max(1, milliseconds / 10) {
            if exitStatus != nil { return true }
            usleep(10_000)
        }
        return exitStatus != nil
    }
}
