import PGClient
import SQLSource

/// Loads a SQL file into a database the way `psql -f` loads a
/// `pg_dump --schema-only` (or a seed file): psql meta-commands skipped,
/// `COPY ... FROM stdin` data loaded, and OWNER TO / GRANT naming roles the
/// database lacks either satisfied by creating the role (on replint's own
/// throwaway cluster) or skipped with a note (on anyone else's database).
/// The first other failure stops the load and names its file and line.
public struct SQLLoader: Sendable {
    public enum MissingRolePolicy: Sendable {
        /// Create the role (NOLOGIN) and retry: only on a cluster replint started.
        case create
        /// Never create roles on a database replint did not start: skip the
        /// statement and report it.
        case skip
    }

    public struct Outcome: Sendable, Equatable {
        public var statements = 0
        public var copiedRows = 0
        public var createdRoles: [String] = []
        public var skippedMetaCommands = 0
        /// Statements skipped, with the reason and line.
        public var notes: [String] = []
    }

    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        /// 0 when the file could not be read at all.
        public let line: Int
        public let head: String
        public let reason: String
        public let sqlstate: String?

        public var description: String {
            line == 0 ? "\(path): \(reason)" : "\(path):\(line): `\(head)` failed: \(reason)"
        }
    }

    public var missingRoles: MissingRolePolicy

    public init(missingRoles: MissingRolePolicy) {
        self.missingRoles = missingRoles
    }

    public func load(path: String, into connection: Connection) throws(LoadError) -> Outcome {
        let document: SQLDocument
        do {
            document = SQLDocument(try SourceFile.read(path: path))
        } catch {
            throw LoadError(path: path, line: 0, head: "", reason: error.reason, sqlstate: nil)
        }
        return try load(document, into: connection)
    }

    /// Runs every statement of `document`. Inside a transaction each runs
    /// under a savepoint, so a skipped statement does not abort the rest.
    /// Ends with RESET ALL: a dump's SET statements (an empty search_path)
    /// are meant for the load, not for whatever runs next.
    public func load(_ document: SQLDocument, into connection: Connection) throws(LoadError) -> Outcome {
        let sender = DocumentSender(document)
        var outcome = Outcome()
        let path = document.file.path
        // psql meta-commands (`\restrict` in every recent dump) are not SQL;
        // skipping them is what the loader is for, so it is counted, not noted.
        outcome.skippedMetaCommands = document.metaCommands.count
        for statement in document.statements {
            if statement.node?.transaction != nil {
                outcome.notes.append("\(path):\(statement.location.line): `\(statement.head)` skipped: the loader decides transactions")
                continue
            }
            do {
                try run(statement, sender: sender, on: connection, outcome: &outcome)
            } catch let error as PostgresError {
                if case .server(let server) = error {
                    throw LoadError(path: path, line: statement.location.line, head: statement.head,
                                    reason: "\(server.message) (SQLSTATE \(server.sqlstate))", sqlstate: server.sqlstate)
                }
                throw LoadError(path: path, line: statement.location.line, head: statement.head,
                                reason: error.description, sqlstate: nil)
            } catch {
                throw LoadError(path: path, line: statement.location.line, head: statement.head,
                                reason: "\(error)", sqlstate: nil)
            }
        }
        do {
            try connection.execute("RESET ALL")
        } catch {
            throw LoadError(path: path, line: 0, head: "", reason: "RESET ALL after the load failed: \(error)", sqlstate: nil)
        }
        return outcome
    }

    private func run(_ statement: Statement, sender: DocumentSender, on connection: Connection,
                     outcome: inout Outcome) throws {
        // A GRANT may name several missing roles; each is created once.
        for _ in 0..<16 {
            let savepoint = connection.transactionStatus == .inTransaction
            if savepoint { try connection.execute("SAVEPOINT replint_load") }
            do {
                let result = try sender.send(statement, on: connection)
                if savepoint { try connection.execute("RELEASE SAVEPOINT replint_load") }
                outcome.statements += 1
                if sender.isCopyFromStdin(statement) { outcome.copiedRows += result.rowsAffected ?? 0 }
                return
            } catch PostgresError.server(let error) {
                guard let role = Self.missingRole(in: error) else { throw PostgresError.server(error) }
                if savepoint { try connection.execute("ROLLBACK TO SAVEPOINT replint_load; RELEASE SAVEPOINT replint_load") }
                switch missingRoles {
                case .create:
                    try connection.execute("CREATE ROLE \(Connection.quoteIdentifier(role)) NOLOGIN")
                    outcome.createdRoles.append(role)
                case .skip:
                    outcome.notes.append("\(sender.document.file.path):\(statement.location.line): `\(statement.head)` skipped: "
                        + "role \"\(role)\" does not exist on this database, and replint does not create roles on a database it did not start")
                    return
                }
            }
        }
        throw PostgresError.unsupported("too many missing roles in one statement")
    }

    /// The role named by `role "x" does not exist` (SQLSTATE 42704).
    static func missingRole(in error: ServerError) -> String? {
        let prefix = "role \"", suffix = "\" does not exist"
        guard error.sqlstate == "42704", error.message.hasPrefix(prefix), error.message.hasSuffix(suffix),
              error.message.count > prefix.count + suffix.count else { return nil }
        return String(error.message.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
