import PGClient
import PGServers
import SQLSource

/// Brings a `ReplicationPair` to the state a migration meets in production:
/// the baseline on both sides, the seed on the publisher, the publication
/// the baseline declares (or the configured one), and a synchronised
/// subscription.
struct PairPreparation {
    let options: ReplicationRehearsal.Options

    struct Prepared {
        let pair: ReplicationPair
        let publications: [String]
        let notes: [String]
    }

    /// The name of the publication replint creates when the baseline has none.
    static let ownPublication = "replint_publication"

    func prepare() throws(ReplicationRehearsal.SetupError) -> Prepared {
        LibpqEnvironment.clear()
        let pair: ReplicationPair
        do {
            pair = try ReplicationPair.start(.init(cluster: options.cluster))
        } catch {
            throw .init(description: "cannot start the publisher/subscriber pair: \(error)")
        }
        do {
            var notes: [String] = []
            var publicationSQL: [String] = []
            let loader = SQLLoader(missingRoles: .create)
            for path in options.schemaFiles {
                let (tables, publication) = try Self.splitPublication(path: path)
                publicationSQL += publication
                notes += try loader.load(tables, into: pair.connection(.publisher)).notes
                if options.subscriberSchemaFiles == nil { _ = try loader.load(tables, into: pair.connection(.subscriber)) }
            }
            for path in options.subscriberSchemaFiles ?? [] {
                // A subscriber's dump may carry its own publications: not ours to load.
                _ = try loader.load(Self.splitPublication(path: path).0, into: pair.connection(.subscriber))
            }
            for path in options.setupFiles {
                notes += try loader.load(path: path, into: pair.connection(.publisher)).notes
            }
            for statement in publicationSQL { try pair.createPublication(statement) }
            var publications = try pair.rows(on: .publisher, sql: "SELECT pubname FROM pg_publication ORDER BY 1")
                .compactMap { $0[0] ?? nil }
            if publications.isEmpty {
                let scope = options.replicatedTables.isEmpty
                    ? "FOR ALL TABLES"
                    : "FOR TABLE " + options.replicatedTables.map(Self.quoteQualified).joined(separator: ", ")
                try pair.createPublication("CREATE PUBLICATION \(Self.ownPublication) \(scope)")
                notes.append("the baseline declares no publication: created \(Self.ownPublication) \(scope)")
                publications = [Self.ownPublication]
            }
            try pair.subscribe(publications: publications, copyData: true)
            return Prepared(pair: pair, publications: publications, notes: notes)
        } catch {
            pair.stop()
            throw .init(description: "cannot prepare the pair: \(error)")
        }
    }

    /// The baseline without its publication statements (blanked to spaces,
    /// so COPY data and line numbers stay where they were), and those
    /// statements: a publisher's dump carries them, and they belong on the
    /// publisher only.
    static func splitPublication(path: String) throws -> (SQLDocument, [String]) {
        let file = try SourceFile.read(path: path)
        let document = SQLDocument(file)
        var bytes = file.bytes
        var publication: [String] = []
        for statement in document.statements
        where statement.node?.createPublication != nil || statement.node?.alterPublication != nil {
            publication.append(statement.text)
            for index in statement.range where bytes[index] != UInt8(ascii: "\n") { bytes[index] = UInt8(ascii: " ") }
        }
        if publication.isEmpty { return (document, []) }
        return (SQLDocument(try SourceFile(path: path, bytes: bytes)), publication)
    }

    static func quoteQualified(_ name: String) -> String {
        name.split(separator: ".").map { Connection.quoteIdentifier(String($0)) }.joined(separator: ".")
    }
}
