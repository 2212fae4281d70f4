import SQLSource
import Testing
@testable import Schema

/// Real `pg_dump --schema-only` outputs load without a word.
struct DumpFixtureTests {
    static let dumps = [
        "Tests/Fixtures/pgdump/rich-schema.sql", "Tests/Fixtures/pgdump/with-data.sql",
        "Tests/Fixtures/real/pg_dump__fleet__schema.sql", "Tests/Fixtures/real/pg_dump__shop__inserts-clean.sql",
        "app_migrations/schema.sql",
    ]

    @Test(arguments: dumps) func loadsWithoutSyntaxErrorsOrWarnings(_ path: String) throws {
        let loaded = try BaselineLoader.load(paths: ["\(repositoryRoot)/\(path)"], searchPath: ["public"])
        #expect(loaded.syntaxErrors.map(\.message) == [])
        #expect(loaded.warnings.map(\.description) == [])
        #expect(!loaded.catalog.tables.isEmpty)
    }

    @Test func appMigrationsBaselineHasTheHostsPublication() throws {
        let loaded = try BaselineLoader.load(paths: ["\(repositoryRoot)/app_migrations/schema.sql"], searchPath: ["public"])
        let catalog = loaded.catalog
        let hosts = QualifiedName("hbi", "hosts")
        #expect(catalog.tables[hosts]?.kind == .partitioned)
        #expect(catalog.partitions(of: hosts).count == 4)
        #expect(catalog.replicaIdentityColumns(of: hosts) == ["org_id", "id", "insights_id"])
        #expect(catalog.replicaIdentityColumns(of: QualifiedName("hbi", "hosts_p0")) == ["org_id", "id", "insights_id"])
        let membership = catalog.publications(publishing: QualifiedName("hbi", "hosts_p2"))
        #expect(membership.map(\.publication) == ["hbi_hosts_pub_v1_0_2"])
        #expect(membership.first?.viaPartitionRoot == true)
        #expect(membership.first?.rowFilterColumns == ["insights_id"])
        #expect(catalog.tables[hosts]?.column(named: "canonical_facts")?.isNotNull == true)
        #expect(catalog.tables[hosts]?.column(named: "canonical_facts")?.hasDefault == false)
        #expect(catalog.tables[QualifiedName("hbi", "staleness")]?.column(named: "id")?.defaultValue?.volatility == .volatile)
        #expect(!catalog.isReplicated(QualifiedName("hbi", "groups")))
    }

    @Test func richSchemaModelsItsObjects() throws {
        let loaded = try BaselineLoader.load(paths: ["\(repositoryRoot)/Tests/Fixtures/pgdump/rich-schema.sql"], searchPath: ["public"])
        let c = loaded.catalog
        let orders = try #require(c.tables[QualifiedName("app", "orders")])
        #expect(orders.column(named: "status")?.typeName == "app.order_status")
        #expect(orders.column(named: "total")?.typeName == "app.positive_amount")
        #expect(orders.column(named: "line_count")?.identity == .byDefault)
        #expect(orders.constraints.first { $0.name == "orders_customer_id_fkey" }?.isValidated == false)
        #expect(orders.triggers.map(\.name) == ["orders_touch"])
        #expect(c.tables[QualifiedName("app", "customers")]?.column(named: "id")?.identity == .always)
        #expect(c.tables[QualifiedName("app", "customers")]?.column(named: "created_at")?.defaultValue?.volatility == .stable)
        #expect(c.tables[QualifiedName("app", "customers")]?.column(named: "email")?.typeName == "app.email")
        #expect(c.tables[QualifiedName("app", "events_2024")]?.parent == QualifiedName("app", "events"))
        #expect(c.publications["app_pub"]?.schemas == ["app"] && c.publications["app_pub"]?.actions == ["insert", "update"])
        #expect(c.isReplicated(QualifiedName("app", "Order Items")))
        #expect(c.enums[QualifiedName("app", "order_status")]?.labels == ["draft", "placed", "shipped", "cancelled"])
        #expect(c.functions[QualifiedName("app", "customer_count")]?.first?.volatility == .stable)
        #expect(c.indexes[QualifiedName("app", "orders_customer_status_idx")]?.isPartial == true)
        #expect(c.otherRelations[QualifiedName("app", "daily_totals")] == .materializedView)
    }
}
