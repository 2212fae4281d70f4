import PGClient
extension EphemeralCluster {
    public struct Options: Sendable {
        /// `--pg-bin`: the directory with initdb, pg_ctl and postgres. nil
        /// searches PATH, `pg_config --bindir`, then /usr/lib/postgresql/*/bin.
        public var binDirectory: String?
        /// Who runs the server when replint runs as root; nil means Debian's
        /// `postgres` user. Ignored (must be nil or ourselves) when not root.
        public var runAsUser: String?
        /// `wal_level`, e.g. "logical" for a publisher.
        public var walLevel: String?
        /// More postgresql.conf settings, written after replint's own so they
        /// win.
        public var extraSettings: [String: String]
        /// Where the cluster's temporary directory is made. nil: TMPDIR, or
        /// /tmp when running as root (the server's user must be able to
        /// traverse every parent) or when TMPDIR is too long for a socket path.
        public var parentDirectory: String?

        public init(binDirectory: String? = nil, runAsUser: String? = nil, walLevel: String? = nil,
                    extraSettings: [String: String] = [:], parentDirectory: String? = nil) {
            self.binDirectory = binDirectory
            self.runAsUser = runAsUser
            self.walLevel = walLevel
            self.extraSettings = extraSettings
            self.parentDirectory = parentDirectory
        }

        /// The lines appended to postgresql.conf.
        func configuration(socketDirectory: String, port: Int) throws -> String {
            var settings: [(String, String)] = [
                ("listen_addresses", ""),  // unix socket only: nothing reachable from outside
                ("unix_socket_directories", socketDirectory),
                ("port", String(port)),
                // A throwaway cluster needs no durability; these make it fast.
                ("fsync", "off"),
                ("full_page_writes", "off"),
                ("synchronous_commit", "off"),
            ]
            if let walLevel { settings.append(("wal_level", walLevel)) }
            settings += extraSettings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            return try settings.map { name, value in
                guard Self.isSettingName(name) else {
                    throw PostgresError.cluster("\"\(name)\" is not a valid PostgreSQL setting name")
                }
                guard !value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else {
                    throw PostgresError.cluster("the value of setting \(name) spans several lines")
                }
                return "\(name) = '\(value.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "''"))'\n"
            }.joined()
        }

        /// Letters, digits, `_` and `.` (extension settings): nothing that
        /// could end the line or start another setting.
        static func isSettingName(_ name: String) -> Bool {
            guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
            return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
