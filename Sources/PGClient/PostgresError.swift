/// Everything the client layer, the throwaway servers and the rehearsals throw. Messages are complete sentences a
/// user can act on; none of them ever contains a password.
public enum PostgresError: Error, Equatable, CustomStringConvertible {
    /// Connecting failed (libpq's message, password removed).
    case connection(String)
    /// An open connection broke while a statement ran (the server stopped or
    /// the network went): not a failure to connect, and what the statement did is the server's to say.
    case lost(String)
    /// The server rejected a statement.
    case server(ServerError)
    /// The server answered in a way `execute` does not handle (COPY, a lost
    /// connection mid-result, ...).
    case unsupported(String)
    /// No usable PostgreSQL installation; the message says how to install one.
    case binariesNotFound(String)
    /// An ephemeral cluster could not be created, started or stopped.
    case cluster(String)

    public var description: String {
        switch self {
        case .connection(let message): return "cannot connect to PostgreSQL: \(message)"
        case .lost(let message): return "the connection to PostgreSQL was lost: \(message)"
        case .server(let error): return error.description
        case .unsupported(let message): return message
        case .binariesNotFound(let message): return message
        case .cluster(let message): return message
        }
    }
}
