import Testing
import Lint
@testable import PGServers
import PGClient
import PGTestSupport
import Rules
import Schema
import SQLSource

/// The statements replint's model leaves out because PostgreSQL refuses
/// them: PostgreSQL 15 refuses each, and the model words it the same.
extension EphemeralClusterTests {
    @Suite struct ModelRefusals {
        static let schema = """
            CREATE SCHEMA inv;
            CREATE TABLE inv.items (id int PRIMARY KEY, sku text, note text, extra text, region text NOT NULL DEFAULT 'eu');
            CREATE PUBLICATION inv_pub FOR TABLE inv.items (id, sku, note) WHERE (region <> 'xx');
            CREATE TABLE p (id int, k int) PARTITION BY LIST (k);
            CREATE TABLE a (id int, k int) PARTITION BY LIST (k);
            CREATE TABLE b (id int, k int) PARTITION BY LIST (k);
            CREATE TABLE c (id int, k int);
            ALTER TABLE a ATTACH PARTITION b FOR VALUES IN (1);
            ALTER TABLE a ATTACH PARTITION c FOR VALUES IN (5);
            CREATE TABLE links (id int PRIMARY KEY, url text);
            ALTER TABLE links REPLICA IDENTITY USING INDEX links_pkey;
            CREATE PUBLICATION links_pub FOR TABLE links;
            """

        static let refused: [(statement: String, message: String, detail: String?)] = [
            ("ALTER TABLE inv.items DROP COLUMN note", "cannot drop column note of table inv.items because other objects depend on it",
             "publication of table inv.items in publication inv_pub depends on column note of table inv.items"),
            ("ALTER TABLE inv.items DROP COLUMN region", "cannot drop column region of table inv.items because other objects depend on it",
             "publication of table inv.items in publication inv_pub depends on column region of table inv.items"),
            // PostgreSQL 15 says "WHERE clause" for a column list as well.
            ("ALTER TABLE inv.items ALTER COLUMN note TYPE varchar(50)", "cannot alter type of a column used by a publication WHERE clause",
             "publication of table inv.items in publication inv_pub depends on column \"note\""),
            ("ALTER TABLE inv.items ALTER COLUMN region TYPE varchar(10)", "cannot alter type of a column used by a publication WHERE clause",
             "publication of table inv.items in publication inv_pub depends on column \"region\""),
            ("ALTER TABLE p ATTACH PARTITION p FOR VALUES IN (1)", "circular inheritance not allowed", "\"p\" is already a child of \"p\"."),
            ("ALTER TABLE b ATTACH PARTITION a FOR VALUES IN (2)", "circular inheritance not allowed", "\"b\" is already a child of \"a\"."),
            ("ALTER TABLE b ATTACH PARTITION c FOR VALUES IN (7)", "\"c\" is already a partition", nil),
            ("DROP INDEX links_pkey", "cannot drop index links_pkey because constraint links_pkey on table links requires it", nil),
            ("DROP INDEX links_pkey CASCADE", "cannot drop index links_pkey because constraint links_pkey on table links requires it", nil),
        ]

        /// Statements on columns no column list or row filter names: both accept them.
        static let accepted = [
            "ALTER TABLE inv.items ALTER COLUMN extra TYPE varchar(10)",
            "ALTER TABLE inv.items RENAME COLUMN extra TO extra2",
            "ALTER TABLE inv.items DROP COLUMN extra2",
        ]

        func modelRefusal(after schema: String, _ statement: String) throws -> Refusal? {
            let catalog = try Baselines.fromSQL(schema).publisher.catalog
            let document = try SQLDocument(path: "m.sql", text: statement + ";")
            return withExtendedLifetime(document) {
                document.statements.first?.node.flatMap { catalog.refusal(of: $0, searchPath: ["public"]) }
            }
        }

        @Test func theServerAndTheModelRefuseTheSameStatementsInTheSameWords() throws {
            try withCluster(.init(walLevel: "logical")) { cluster in
                let connection = try cluster.connect()
                _ = try connection.execute(Self.schema)
                for case let (statement, message, detail) in Self.refused {
                    let error = serverError { _ = try connection.execute(statement) }
                    #expect(error?.message == message, "\(statement)")
                    #expect(error?.detail == detail, "\(statement)")
                    let model = try modelRefusal(after: Self.schema, statement)
                    #expect(model?.message == message, "\(statement)")
                    #expect(model?.detail == detail, "\(statement)")
                }
                var applied = Self.schema
                for statement in Self.accepted {
                    #expect(try modelRefusal(after: applied, statement) == nil, "\(statement)")
                    _ = try connection.execute(statement)
                    applied += "\n\(statement);"
                }
            }
        }

        @Test func cascadeTakesTheTableOutOfThePublication() throws {
            let drop = "ALTER TABLE inv.items DROP COLUMN note CASCADE"
            let published = try withCluster(.init(walLevel: "logical")) { cluster -> [[String?]] in
                let connection = try cluster.connect()
                _ = try connection.execute(Self.schema)
                _ = try connection.execute(drop)
                return try connection.execute("SELECT tablename FROM pg_publication_tables WHERE pubname = 'inv_pub'").rows
            }
            #expect(published.isEmpty)
            let model = try Baselines.fromSQL(Self.schema + "\n\(drop);").publisher.catalog
            #expect(!model.isReplicated(QualifiedName("inv", "items")))
        }

        func finding(_ migration: String, _ rule: RuleID) throws -> Finding? {
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(Self.schema)
            let document = try SQLDocument(path: "m.sql", text: migration)
            return withExtendedLifetime(document) { linter.lint(document).first { $0.ruleID == rule } }
        }

        /// The `ALTER PUBLICATION ...;` statements a help line quotes, in order.
        func quotedPublicationSQL(_ help: String) -> [String] {
            help.split(separator: "`").map(String.init).filter { $0.hasPrefix("ALTER PUBLICATION") }
        }

        /// The help's sequence is what lets the publisher run the statement.
        @Test func theHelpsSequenceIsAcceptedByThePublisher() throws {
            let drop = try #require(try finding("ALTER TABLE inv.items DROP COLUMN note;", .replicationColumnList))
            let dropFirst = quotedPublicationSQL(drop.help)
            #expect(dropFirst.count == 1)
            let retype = try #require(try finding("ALTER TABLE inv.items ALTER COLUMN note TYPE varchar(50);", .replicationColumnList))
            let around = quotedPublicationSQL(retype.help)
            #expect(around.count == 2)
            let lists = try withCluster(.init(walLevel: "logical")) { cluster -> [[String?]] in
                let connection = try cluster.connect()
                _ = try connection.execute(Self.schema)
                _ = try connection.execute("BEGIN; \(around[0]) ALTER TABLE inv.items ALTER COLUMN note TYPE varchar(50); \(around[1]) COMMIT;")
                let afterRetype = try connection.execute("SELECT attnames::text, rowfilter FROM pg_publication_tables WHERE pubname = 'inv_pub'").rows
                _ = try connection.execute("\(dropFirst[0]) ALTER TABLE inv.items DROP COLUMN note;")
                return afterRetype + (try connection.execute("SELECT attnames::text, rowfilter FROM pg_publication_tables WHERE pubname = 'inv_pub'").rows)
            }
            #expect(lists.map { $0.first ?? nil } == ["{id,sku,note}", "{id,sku}"])
            #expect(lists.allSatisfy { $0.last??.contains("region") == true })
        }

        /// `REPLICA IDENTITY USING INDEX` of the primary key's index goes with the key.
        @Test func droppingThePrimaryKeyBehindAnIdentityIndexBreaksUpdates() throws {
            let migration = "ALTER TABLE links DROP CONSTRAINT links_pkey;"
            let error = try withCluster(.init(walLevel: "logical")) { cluster -> ServerError? in
                let connection = try cluster.connect()
                _ = try connection.execute(Self.schema + "INSERT INTO links VALUES (1, 'x');")
                _ = try connection.execute(migration)
                return serverError { _ = try connection.execute("UPDATE links SET url = 'y'") }
            }
            let message = "cannot update table \"links\" because it does not have a replica identity and publishes updates"
            #expect(error?.message == message)
            let found = try #require(try finding(migration, .replicationIdentity))
            #expect(found.severity == .error)
            #expect(found.message.contains(message))
        }

        /// An identity index that no constraint owns can be dropped, under
        /// whichever name the statement uses, and the identity goes with it.
        @Test func droppingTheIdentityIndexThroughTheSearchPathBreaksUpdates() throws {
            let schema = Self.schema + """
                CREATE TABLE inv.tags (id int NOT NULL, label text);
                CREATE UNIQUE INDEX tags_id_idx ON inv.tags (id);
                ALTER TABLE inv.tags REPLICA IDENTITY USING INDEX tags_id_idx;
                CREATE PUBLICATION tags_pub FOR TABLE inv.tags;
                """
            let migration = "SET search_path TO inv;\nDROP INDEX tags_id_idx;"
            let error = try withCluster(.init(walLevel: "logical")) { cluster -> ServerError? in
                let connection = try cluster.connect()
                _ = try connection.execute(schema + "INSERT INTO inv.tags VALUES (1, 'a');")
                _ = try connection.execute(migration)
                return serverError { _ = try connection.execute("UPDATE inv.tags SET label = 'b'") }
            }
            let message = "cannot update table \"tags\" because it does not have a replica identity and publishes updates"
            #expect(error?.message == message)
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(schema)
            let document = try SQLDocument(path: "m.sql", text: migration)
            let found = withExtendedLifetime(document) { linter.lint(document).filter { $0.ruleID == "replication-identity" } }
            #expect(found.count == 1)
            #expect(found.first?.message.contains(message) == true, "\(found.map(\.message))")
        }

        /// With a row filter PostgreSQL checks the filter first: the seed's
        /// shape, its identity index dropped, fails UPDATE in these words.
        @Test func aRowFilteredTableWithoutIdentityFailsUpdatesOnTheFilter() throws {
            let schema = """
                CREATE SCHEMA hbi;
                CREATE TABLE hbi.hosts (org_id varchar(36) NOT NULL, id uuid NOT NULL,
                    insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000', note text);
                CREATE UNIQUE INDEX hosts_org_id_id_insights_id_idx ON hbi.hosts (org_id, id, insights_id);
                ALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_org_id_id_insights_id_idx;
                CREATE PUBLICATION hbi_hosts_pub FOR TABLE hbi.hosts (org_id, id, insights_id)
                    WHERE (insights_id <> '00000000-0000-0000-0000-000000000000');
                """
            let migration = "DROP INDEX hbi.hosts_org_id_id_insights_id_idx;"
            let error = try withCluster(.init(walLevel: "logical")) { cluster -> ServerError? in
                let connection = try cluster.connect()
                _ = try connection.execute(schema + "INSERT INTO hbi.hosts VALUES ('o', gen_random_uuid(), gen_random_uuid(), 'n');")
                _ = try connection.execute(migration)
                return serverError { _ = try connection.execute("UPDATE hbi.hosts SET note = 'x'") }
            }
            #expect(error?.message == "cannot update table \"hosts\"")
            let detail = try #require(error?.detail)
            #expect(detail == "Column used in the publication WHERE expression is not part of the replica identity.")
            var linter = Linter(rules: RuleRegistry.all)
            linter.baselines = try Baselines.fromSQL(schema)
            let document = try SQLDocument(path: "m.sql", text: migration)
            let found = withExtendedLifetime(document) { linter.lint(document).filter { $0.ruleID == "replication-identity" } }
            #expect(found.count == 1)
            #expect(found.first?.message.contains("`cannot update table \"hosts\"`, detail `\(detail)`") == true, "\(found.map(\.message))")
        }
    }
}
