import CLibPQ

/// A connection string taken apart so that a program replint starts
/// (pg_dump) gets the password in its environment (`PGPASSWORD`), never on
/// its command line, where `ps` shows it to every user of the machine.
public struct ConninfoWithoutPassword: Sendable, Equatable {
    /// Keyword/value form of every setting the string gave, the password left out.
    public let conninfo: String
    public let password: String?

    /// nil with libpq's complaint (password removed) when `conninfo` is not a connection string.
    public static func split(_ conninfo: String) -> Result<ConninfoWithoutPassword, PostgresError> {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            let message = error.map { String(cString: $0) } ?? "not a connection string"
            if let error { PQfreemem(error) }
            return .failure(.connection(PasswordRedaction.redact(message.trimmingTrailingWhitespace(), conninfo: conninfo)))
        }
        defer { PQconninfoFree(options) }
        var settings: [String] = []
        var password: String?
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let name = String(cString: keyword)
                if name == "password" {
                    password = String(cString: value)
                } else {
                    settings.append("\(name)=\(Connection.quoteConninfoValue(String(cString: value)))")
                }
            }
            option += 1
        }
        return .success(ConninfoWithoutPassword(conninfo: settings.joined(separator: " "), password: password))
    }
}
