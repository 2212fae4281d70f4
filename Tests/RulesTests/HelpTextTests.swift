import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Issue 18 item 8: a finding's help names the finding's own table, column,
/// publication and index, never the seed's `hbi.hosts` or `hbi_hosts_pub`.
@Suite struct HelpTextTests {
    static let baseline = """
        CREATE SCHEMA inv;
        CREATE TYPE inv.state AS ENUM ('new', 'done');
        CREATE TABLE inv.items (id bigint PRIMARY KEY, note text, qty integer, state inv.state, sku text NOT NULL);
        CREATE UNIQUE INDEX items_sku_idx ON inv.items (sku);
        CREATE TABLE inv.links (a bigint NOT NULL, b bigint NOT NULL, note text);
        CREATE UNIQUE INDEX links_a_b_idx ON inv.links (a, b);
        ALTER TABLE inv.links REPLICA IDENTITY USING INDEX links_a_b_idx;
        CREATE PUBLICATION inv_pub FOR TABLE inv.items;
        CREATE PUBLICATION inv_links_pub FOR TABLE inv.links (a, b, note) WHERE (a > 0);
        """

    @Test(arguments: [
        ("ALTER TABLE inv.items RENAME COLUMN note TO remark;", ["ALTER TABLE inv.items ADD COLUMN remark text;", "UPDATE inv.items SET remark = note WHERE remark IS NULL;", "ALTER TABLE inv.items DROP COLUMN note;"]),
        ("ALTER TABLE inv.items RENAME TO goods;", ["CREATE TABLE inv.goods (LIKE inv.items INCLUDING ALL);", "ALTER PUBLICATION inv_pub ADD TABLE inv.goods;"]),
        ("ALTER TABLE inv.items ADD COLUMN region text NOT NULL;", ["ALTER TABLE inv.items ADD COLUMN region text;", "ALTER TABLE inv.items ALTER COLUMN region SET NOT NULL;"]),
        ("ALTER TABLE inv.items ADD COLUMN seen_at timestamptz DEFAULT now();", ["ALTER TABLE inv.items ADD COLUMN seen_at timestamp with time zone;", "UPDATE inv.items SET seen_at = now() WHERE seen_at IS NULL;"]),
        ("UPDATE inv.items SET note = '' WHERE note IS NULL;", ["`UPDATE inv.items SET note = '' WHERE note IS NULL;`", "SELECT id FROM inv.items"]),
        ("TRUNCATE inv.items;", ["`TRUNCATE inv.items;`", "`inv.items`"]),
        ("ALTER TABLE inv.items DROP CONSTRAINT items_pkey;", ["CREATE UNIQUE INDEX CONCURRENTLY items_id_idx ON inv.items (id);", "ALTER TABLE inv.items REPLICA IDENTITY USING INDEX items_id_idx;"]),
        ("ALTER TABLE inv.links DROP COLUMN note;", ["ALTER PUBLICATION inv_links_pub SET TABLE inv.links (a, b) WHERE (a > 0);"]),
        ("ALTER TABLE inv.links ADD COLUMN extra text;", ["ALTER PUBLICATION inv_links_pub SET TABLE inv.links (a, b, note, extra) WHERE (a > 0);"]),
        ("ALTER TYPE inv.state RENAME VALUE 'done' TO 'finished';", ["ALTER TYPE inv.state ADD VALUE 'finished';", "UPDATE inv.items"]),
        ("ALTER TABLE inv.items DROP COLUMN qty;", ["`ALTER TABLE inv.items DROP COLUMN qty;`", "-- replint: apply-order publisher-first"]),
        ("ALTER TABLE inv.items ALTER COLUMN qty TYPE smallint;", ["`ALTER TABLE inv.items ALTER COLUMN qty TYPE smallint;`", "publisher-first"]),
    ])
    func helpNamesTheStatementsObjects(sql: String, expected: [String]) throws {
        let found = try lintFindings(sql, baseline: Self.baseline).replication
        #expect(!found.isEmpty, "\(sql)")
        for finding in found {
            #expect(!finding.help.contains("hbi"), "\(finding.ruleID): \(finding.help)")
        }
        let help = found.map(\.help).joined(separator: "\n")
        for text in expected { #expect(help.contains(text), "\(sql): wanted \(text) in\n\(help)") }
    }

    @Test func refreshAndGeneratedColumnHelpNameTheirObjects() throws {
        let all = "CREATE SCHEMA inv; CREATE TABLE inv.items (id bigint PRIMARY KEY, total numeric GENERATED ALWAYS AS (id * 2) STORED); CREATE PUBLICATION every_pub FOR ALL TABLES;"
        let created = try lintFindings("CREATE TABLE inv.events (id bigint PRIMARY KEY);", baseline: all).replication
        let refresh = try #require(created.first { $0.ruleID == "replication-refresh-needed" })
        #expect(refresh.help.contains("`inv.events`") && refresh.help.contains("every_pub"), "\(refresh.help)")
        let dropped = try lintFindings("ALTER TABLE inv.items ALTER COLUMN total DROP EXPRESSION;", baseline: all).replication
        let generated = try #require(dropped.first { $0.ruleID == "replication-generated-column" })
        #expect(generated.help.contains("`total`") && generated.help.contains("inv.items"), "\(generated.help)")
        #expect(!(created + dropped).contains { $0.help.contains("hbi") })
    }
}
