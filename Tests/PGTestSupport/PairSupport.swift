import PGClient
import PGServers
import Testing

/// The shape of the seed's inventory table, so that PostgreSQL's messages
/// read as they will in replint's findings.
public let hostsSchema = """
    CREATE SCHEMA hbi;
    CREATE TABLE hbi.hosts (
        id bigint PRIMARY KEY,
        display_name text,
        canonical_facts jsonb
    );
    """

public let allHosts = "SELECT * FROM hbi.hosts ORDER BY id"

/// PostgreSQL's words for breakage on `hostsSchema`, as the pair tests and
/// the replication rehearsal's tests both expect them.
public enum PairMessages {
    public static let missingCanonicalFacts =
        "logical replication target relation \"hbi.hosts\" is missing replicated column: \"canonical_facts\""
}

/// Starts a pair, loads `schema` on both sides and `seed` on the publisher,
/// publishes with `publication` (which must create publication `p`),
/// subscribes, and always stops the pair.
public func withPair<T>(schema: String = hostsSchema,
                 seed: String? = "INSERT INTO hbi.hosts VALUES (1, 'one', '{\"fqdn\": \"one\"}')",
                 publication: String = "CREATE PUBLICATION p FOR TABLE hbi.hosts",
                 options: ReplicationPair.Options = .init(),
                 _ body: (ReplicationPair) throws -> T) throws -> T {
    let pair = try ReplicationPair.start(options)
    defer { pair.stop() }
    try pair.load(sql: schema, on: .both)
    if let seed { try pair.execute(seed, on: .publisher) }
    try pair.createPublication(publication)
    try pair.subscribe(publication: "p")
    return try body(pair)
}

/// The message of the server error `body` throws, nil when it throws none.
public func serverError(_ body: () throws -> Void) -> ServerError? {
    do {
        try body()
        return nil
    } catch PostgresError.server(let error) {
        return error
    } catch {
        Issue.record("expected a server error, got \(error)")
        return nil
    }
}

/// Waits for catch-up and checks that apply stopped with exactly `message`.
public func expectApplyStops(_ pair: ReplicationPair, with message: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    let catchUp = try pair.waitForCatchUp()
    #expect(catchUp.outcome == .applyFailed, sourceLocation: sourceLocation)
    #expect(catchUp.errors.map(\.message).contains(message),
            "errors seen: \(catchUp.errors.map(\.message))", sourceLocation: sourceLocation)
}

/// Waits for catch-up and checks that nothing went wrong on the way.
public func expectCatchesUp(_ pair: ReplicationPair, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let catchUp = try pair.waitForCatchUp()
    #expect(catchUp.outcome == .caughtUp, "errors seen: \(catchUp.errors.map(\.message))",
            sourceLocation: sourceLocation)
    #expect(catchUp.errors.isEmpty, sourceLocation: sourceLocation)
}
