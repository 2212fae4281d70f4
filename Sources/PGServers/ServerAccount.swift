import PGClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The unprivileged user that runs initdb, pg_ctl and postgres when replint
/// runs as root (PostgreSQL refuses to run as root), and how to become it.
struct ServerAccount: Equatable {
    let name: String
    let uid: uid_t
    let gid: gid_t
    /// Prepended to each command, e.g. `setpriv --reuid=... --`.
    let commandPrefix: [String]

    /// nil means: run the programs as ourselves.
    static func resolve(requestedUser: String?) throws -> ServerAccount? {
        guard geteuid() == 0 else {
            if let requestedUser, requestedUser != currentUserName() {
                throw PostgresError.cluster(
                    "cannot run PostgreSQL as \(requestedUser): switching users needs root")
            }
            return nil
        }
        let name = requestedUser ?? "postgres"
        guard let entry = getpwnam(name) else {
            throw PostgresError.cluster(
                "running as root, and PostgreSQL refuses to run as root, but there is no user \"\(name)\" "
                + "to run it as. Install Debian's postgresql package (apt-get install -y postgresql), which "
                + "creates the postgres user, or run replint as an unprivileged user.")
        }
        guard entry.pointee.pw_uid != 0 else {
            throw PostgresError.cluster("cannot run PostgreSQL as \(name): that user is root")
        }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        return ServerAccount(name: name, uid: uid, gid: gid,
                             commandPrefix: try switchUserCommand(name: name, uid: uid, gid: gid))
    }

    /// setpriv only changes credentials and execs; runuser also opens a PAM
    /// session, which is slower and may log, so it is the fallback (and its
    /// servers do not die with replint: it forks, and has no death signal).
    /// setpriv sets the death signal after the change of user, which would
    /// clear one set before it.
    private static func switchUserCommand(name: String, uid: uid_t, gid: gid_t) throws -> [String] {
        if let setpriv = setpriv {
            return [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--pdeathsig", "SIGKILL", "--"]
        }
        if let runuser = systemDirectories.map({ "\($0)/runuser" }).first(where: PostgresBinaries.isExecutable) {
            return [runuser, "-u", name, "--"]
        }
        throw PostgresError.cluster(
            "running as root needs setpriv or runuser (util-linux) to start PostgreSQL as \(name)")
    }

    private static let systemDirectories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
    static let setpriv = systemDirectories.map { "\($0)/setpriv" }.first(where: PostgresBinaries.isExecutable)

    /// Without a change of user: only the death signal (util-linux's setpriv
    /// is on every Debian system; without it, nothing).
    static let ownCommandPrefix: [String] = setpriv.map { [$0, "--pdeathsig", "SIGKILL", "--"] } ?? []

    private static func currentUserName() -> String? {
        getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) }
    }
}

extension Optional where Wrapped == ServerAccount {
    /// `executable` run as this account (or as ourselves), killed by the
    /// kernel when the thread that starts it ends.
    func command(_ executable: String, _ arguments: [String]) -> [String] {
        (self?.commandPrefix ?? ServerAccount.ownCommandPrefix) + [executable] + arguments
    }

    func subprocess(_ executable: String, _ arguments: [String], in directory: String) -> Subprocess {
        let command = command(executable, arguments)
        return Subprocess(executable: command[0], arguments: Array(command.dropFirst()), workingDirectory: directory)
    }
}
