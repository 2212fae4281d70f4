import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stops an ephemeral cluster's server and removes its directory, once.
/// Separate from `EphemeralCluster` so the SignalTrap can hold it strongly
/// without keeping the cluster alive, and so a half-started cluster (no
/// EphemeralCluster object yet) is torn down by the same code.
final class ClusterTeardown: Sendable {
    let directory: String
    let dataDirectory: String
    private struct Progress {
        var finished = false
        var signalToken: SignalTrap.Token?
    }
    /// `run()` holds it throughout, so a second caller waits for the first.
    private let progress = Mutex(Progress())
    private struct Child {
        var tornDown = false
        /// The process group of the initdb now running, if any.
        var runningGroup: pid_t?
        var postmaster: PostmasterProcess?
    }
    /// Separate from `progress` because a child reports its pid while
    /// `run()` may wait.
    private let child = Mutex(Child())

    init(directory: String, dataDirectory: String) {
        self.directory = directory
        self.dataDirectory = dataDirectory
    }

    /// Arms the teardown for SIGINT/SIGTERM.
    func registerWithSignalTrap() {
        let token = SignalTrap.shared.register { [self] in run() }
        progress.withLock { $0.signalToken = token }
    }

    /// Starts the postmaster so that a teardown from another thread stops it,
    /// however the two race.
    func launchServer(_ command: [String], logFile: String) throws -> PostmasterProcess {
        try throwIfTornDown()
        let postmaster = try PostmasterProcess.launch(command, logFile: logFile, in: directory) { started in
            let tornDown = child.withLock { child -> Bool in
                child.postmaster = started
                return child.tornDown
            }
            if tornDown { started.stop() }
        }
        try throwIfTornDown()
        return postmaster
    }

    func throwIfTornDown() throws {
        try child.withLock { child in
            if child.tornDown { throw PostgresError.cluster("the ephemeral cluster was stopped while it was starting") }
        }
    }

    /// Runs a setup step (initdb) so that a teardown from
    /// another thread (SIGINT) kills it before removing the directory it
    /// writes into.
    func runStep(_ step: Subprocess) throws -> Subprocess.Outcome {
        var tracked = step
        tracked.onStart = { [self] group in
            child.withLock { child in
                if child.tornDown { kill(-group, SIGKILL) } else { child.runningGroup = group }
            }
        }
        try throwIfTornDown()
        defer { child.withLock { $0.runningGroup = nil } }
        let outcome = try tracked.run()
        // Killed by the teardown: say so, rather than "initdb failed".
        try throwIfTornDown()
        return outcome
    }

    /// Idempotent; a second caller (say the signal thread while deinit is
    /// tearing down) waits for the first to finish. Returns false when the
    /// directory could not be removed completely.
    @discardableResult
    func run() -> Bool {
        progress.withLock { progress in
            if progress.finished { return true }
            progress.finished = true
            if let signalToken = progress.signalToken { SignalTrap.shared.unregister(signalToken) }
            killRunningStep()
            stopServerIfRunning()
            return FileSystem.removeTree(directory)
        }
    }

    private func killRunningStep() {
        let group = child.withLock { child -> pid_t? in
            child.tornDown = true
            return child.runningGroup
        }
        guard let group, kill(-group, SIGKILL) == 0 else { return }
        // Bounded: zombies count until reaped, and a container's init may not reap.
        for _ in 0..<250 where kill(-group, 0) == 0 { usleep(20_000) }
    }

    /// The postmaster replint started, else (should that record be lost) one
    /// that postmaster.pid names and that works in this data directory.
    private func stopServerIfRunning() {
        if let postmaster = child.withLock({ $0.postmaster }) {
            postmaster.stop()
        } else if let pid = RunningServer.postmaster(of: dataDirectory) {
            _ = RunningServer.stop(pid, dataDirectory: dataDirectory)
        }
    }
}
