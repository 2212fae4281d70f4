import Foundation
import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// What the model and the replication rules of issue 18 (items 4, 6, 7)
/// rest on, checked on a real PostgreSQL 15 in its own words.
extension EphemeralClusterTests {
    @Suite struct ModelFacts {
        /// Runs `body` on one connection (temporary tables live in its session).
        func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
            try withCluster(.init(walLevel: "logical")) { cluster in try body(try cluster.connect()) }
        }

        @Test func noPublicationTakesTemporaryOrUnloggedTablesOrMaterializedViews() throws {
            try withConnection { db in
                _ = try db.execute("""
                    CREATE TABLE plain (id int PRIMARY KEY);
                    CREATE TEMP TABLE staging (id int) ON COMMIT DROP;
                    CREATE TEMP TABLE scratch (id int);
                    CREATE UNLOGGED TABLE cache (id int PRIMARY KEY);
                    CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM plain;
                    CREATE PUBLICATION p FOR TABLE plain;
                    """)
                let cases = [("scratch", "This operation is not supported for temporary tables."),
                             ("cache", "This operation is not supported for unlogged tables."),
                             ("counts", "This operation is not supported for materialized views.")]
                for (relation, detail) in cases {
                    let error = serverError { _ = try db.execute("ALTER PUBLICATION p ADD TABLE \(relation)") }
                    #expect(error?.message == "cannot add relation \"\(relation)\" to publication")
                    #expect(error?.detail == detail)
                }
                let created = serverError { _ = try db.execute("CREATE PUBLICATION q FOR TABLE cache") }
                #expect(created?.message == "cannot add relation \"cache\" to publication")
            }
        }

        @Test func forAllTablesSkipsThemButTakesATableMadeFromAQuery() throws {
            try withConnection { db in
                _ = try db.execute("""
                    CREATE TABLE plain (id int PRIMARY KEY);
                    CREATE TEMP TABLE scratch (id int);
                    CREATE UNLOGGED TABLE cache (id int);
                    CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM plain;
                    CREATE TABLE copied AS SELECT id FROM plain;
                    SELECT id INTO selected FROM plain;
                    CREATE PUBLICATION everything FOR ALL TABLES;
                    """)
                let published = try db.execute("SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = 'everything' ORDER BY 1")
                #expect(published.rows == [["public.copied"], ["public.plain"], ["public.selected"]])
                // A table made from a query is an ordinary table: a publication can list it.
                _ = try db.execute("CREATE PUBLICATION listed FOR TABLE copied, selected")
            }
        }

        @Test func numericWidthsAreIntegerDigitsAndScale() throws {
            try withConnection { db in
                _ = try db.execute("CREATE TABLE items (price numeric(10,2)); INSERT INTO items VALUES (12345678.90)")
                // numeric(10,2) -> numeric(10,4): 8 integer digits become 6.
                let narrowed = serverError { _ = try db.execute("ALTER TABLE items ALTER COLUMN price TYPE numeric(10,4)") }
                #expect(narrowed?.message == "numeric field overflow")
                // Values travel as text: numeric rounds a longer fraction, integer refuses any.
                #expect(try db.execute("SELECT '1.23456'::numeric(10,4)::text").rows == [["1.2346"]])
                let refused = serverError { _ = try db.execute("SELECT '1.5'::integer") }
                #expect(refused?.message == "invalid input syntax for type integer: \"1.5\"")
                // numeric(10,4) -> numeric(12,1) widens the integer part but rounds the fraction.
                _ = try db.execute("CREATE TABLE fine (price numeric(10,4)); INSERT INTO fine VALUES (1.2345)")
                _ = try db.execute("ALTER TABLE fine ALTER COLUMN price TYPE numeric(12,1)")
                #expect(try db.execute("SELECT price::text FROM fine").rows == [["1.2"]])
            }
        }

        static let publisher = """
            CREATE SCHEMA inv;
            CREATE TABLE inv.items (id bigint PRIMARY KEY, note text, extra text CONSTRAINT items_extra_check CHECK (extra <> ''));
            CREATE TABLE inv.tags (name text NOT NULL);
            CREATE TABLE inv.orders (id bigint PRIMARY KEY);
            CREATE INDEX items_extra_only_idx ON inv.items (extra);
            CREATE PUBLICATION inv_pub FOR TABLE inv.items, inv.orders;
            """
        static let subscriber = """
            CREATE SCHEMA inv;
            CREATE TABLE inv.items (id bigint PRIMARY KEY, note text, local_flag boolean);
            CREATE INDEX items_note_idx ON inv.items (note);
            CREATE TABLE inv.tags (name text PRIMARY KEY);
            """

        /// Each statement fails on the subscriber's schema, and replication-sides-differ
        /// quotes exactly what PostgreSQL says there.
        @Test(arguments: [
            "ALTER TABLE inv.items DROP COLUMN extra",
            "ALTER TABLE inv.items ALTER COLUMN extra SET NOT NULL",
            "ALTER TABLE inv.items ALTER COLUMN extra TYPE varchar(10)",
            "UPDATE inv.items SET extra = 'x'",
            "INSERT INTO inv.items (id, extra) VALUES (1, 'x')",
            "ALTER TABLE inv.orders ADD COLUMN placed_at timestamptz",
            "DELETE FROM inv.orders",
            "DROP TABLE inv.orders",
            "DROP INDEX inv.items_extra_only_idx",
            "ALTER TABLE inv.items DROP CONSTRAINT items_extra_check",
            "ALTER TABLE inv.tags ADD PRIMARY KEY (name)",
            "CREATE INDEX items_note_idx ON inv.items (note)",
            "ALTER TABLE inv.items ADD COLUMN local_flag boolean",
            "ALTER TABLE inv.items RENAME COLUMN extra TO more",
            "CREATE INDEX items_extra_idx ON inv.items (extra)",
            "ALTER TABLE inv.items ADD CONSTRAINT items_extra_key UNIQUE (extra)",
        ])
        func aStatementTheSubscriberRefuses(statement: String) throws {
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(Self.publisher, subscriber: Self.subscriber)
            let document = try SQLDocument(path: "m.sql", text: statement + ";")
            let found = withExtendedLifetime(document) { linter.lint(document) }.filter { $0.ruleID == .replicationSidesDiffer }
            #expect(found.count == 1, "\(found.map(\.message))")
            let said = try withConnection { db -> String? in
                _ = try db.execute(Self.subscriber)
                return serverError { _ = try db.execute(statement) }?.message
            }
            let message = try #require(said)
            #expect(found.first?.message.contains("on the subscriber") == true)
            #expect(found.first?.message.contains("(`\(message)`)") == true, "PostgreSQL: \(message); replint: \(found.map(\.message))")
        }

        /// The publisher's schema takes the same statements (they would not be a side's difference otherwise).
        @Test func thePublisherTakesThem() throws {
            try withConnection { db in
                _ = try db.execute(Self.publisher.replacingOccurrences(of: "CREATE PUBLICATION inv_pub FOR TABLE inv.items, inv.orders;", with: ""))
                _ = try db.execute("""
                    DROP INDEX inv.items_extra_only_idx;
                    ALTER TABLE inv.tags ADD PRIMARY KEY (name);
                    BEGIN;
                    ALTER TABLE inv.items DROP CONSTRAINT items_extra_check;
                    ROLLBACK;
                    BEGIN;
                    ALTER TABLE inv.items ALTER COLUMN extra SET NOT NULL;
                    ROLLBACK;
                    UPDATE inv.items SET extra = 'x';
                    INSERT INTO inv.items (id, extra) VALUES (1, 'x');
                    ALTER TABLE inv.items ALTER COLUMN extra TYPE varchar(10);
                    CREATE INDEX items_note_idx ON inv.items (note);
                    ALTER TABLE inv.items ADD COLUMN local_flag boolean;
                    CREATE INDEX items_extra_idx ON inv.items (extra);
                    ALTER TABLE inv.items ADD CONSTRAINT items_extra_key UNIQUE (extra);
                    ALTER TABLE inv.items RENAME COLUMN extra TO more;
                    ALTER TABLE inv.items DROP COLUMN more;
                    ALTER TABLE inv.orders ADD COLUMN placed_at timestamptz;
                    DELETE FROM inv.orders;
                    DROP TABLE inv.orders;
                    """)
            }
        }
    }
}
