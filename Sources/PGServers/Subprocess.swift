import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion and captures its output (stdout and stderr
/// merged). posix_spawn rather than Foundation's Process: it keeps this module
/// free of Foundation and lets us reset the signal mask and dispositions the
/// child inherits, because `SignalTrap` blocks SIGINT/SIGTERM in its threads.
package struct Subprocess {
    package struct Outcome {
        /// The exit status, or 128 + signal when the child was killed.
        package let status: Int32
        package let output: String
        package var succeeded: Bool { status == 0 }
    }

    let executable: String
    let arguments: [String]
    var workingDirectory: String?
    /// `NAME=value` entries the child gets instead of this process's environment; nil inherits it.
    package var environment: [String]?
    /// Called with the child's pid, which is also its process group: each
    /// child leads a group of its own so that a cleanup can kill it with its
    /// descendants, and so a terminal's ^C reaches us, not them.
    var onStart: ((pid_t) -> Void)?

    package func run() throws -> Outcome {
        var pipeEnds: [Int32] = [-1, -1]
        // Close-on-exec: a child spawned concurrently by another thread must
        // not inherit this pipe, or our read would wait for that child too.
        guard GNUExtensions.closeOnExecPipe(&pipeEnds) == 0 else {
            throw PostgresError.cluster("cannot create a pipe to run \(executable): \(errnoDescription())")
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        let pid: pid_t
        do {
            pid = try spawn(output: writeEnd)
            close(writeEnd)
        } catch {
            close(writeEnd)
            close(readEnd)
            throw error
        }
        onStart?(pid)
        let output = Self.readAll(readEnd)
        close(readEnd)
        return Outcome(status: Self.wait(for: pid), output: output)
    }

    /// Starts the program with stdin from /dev/null and stdout and stderr on
    /// `output`, and returns at once; the caller reaps it (`wait(for:)`).
    func spawn(output: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        if let workingDirectory {
            GNUExtensions.addChdir(&actions, workingDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGHUP] { sigaddset(&defaulted, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaulted)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let envp = environment.map { $0.map { strdup($0) } }
        defer { envp?.forEach { free($0) } }
        let spawnResult = (argv + [nil]).withUnsafeBufferPointer { argvPointer in
            guard let envp else { return posix_spawn(&pid, executable, &actions, &attributes, argvPointer.baseAddress!, environ) }
            return (envp + [nil]).withUnsafeBufferPointer { envPointer in
                posix_spawn(&pid, executable, &actions, &attributes, argvPointer.baseAddress!, envPointer.baseAddress!)
            }
        }
        guard spawnResult == 0 else {
            throw PostgresError.cluster("cannot run \(executable): \(String(cString: strerror(spawnResult)))")
        }
        return pid
    }

    private static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The exit status, or 128 + the signal that killed it.
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 127 }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift cannot import.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

extension Subprocess {
    /// For other modules of the package (`replint init` runs pg_dump).
    package init(executable: String, arguments: [String], environment: [String]?) {
        self.init(executable: executable, arguments: arguments, workingDirectory: nil, environment: environment)
    }
}
