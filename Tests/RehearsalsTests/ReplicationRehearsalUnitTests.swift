import Testing
import SQLSource
@testable import Rehearsals
import PGClient
import PGServers
import PGTestSupport

/// The parts of a replication rehearsal that need no server: values from
/// types, the tables a file names, and the table a server message names.
@Suite struct ReplicationRehearsalUnitTests {
    static func column(_ base: String, type: String, maxLength: Int? = nil, labels: [String] = []) -> TableShape.Column {
        TableShape.Column(name: "c", type: type, notNull: true, hasDefault: false, writtenByServer: false,
                          defaultExpression: nil, baseType: base, category: "", isEnum: !labels.isEmpty, enumLabels: labels,
                          maxLength: maxLength, elementType: nil, elementIsEnum: false, elementLabels: [])
    }

    @Test func valuesAreDeterministicAndFitTheirType() {
        let generator = ValueGenerator(seed: 103, salt: "hbi.hosts")
        #expect(generator.value(for: Self.column("varchar", type: "character varying(4)", maxLength: 4)) == "('r103')::character varying(4)")
        #expect(generator.value(for: Self.column("int4", type: "integer")) == "(700103)::integer")
        #expect(generator.value(for: Self.column("int2", type: "smallint")) == "(20103)::smallint")
        #expect(generator.value(for: Self.column("uuid", type: "uuid")) == ValueGenerator(seed: 103, salt: "hbi.hosts")
            .value(for: Self.column("uuid", type: "uuid")))
        #expect(generator.value(for: Self.column("uuid", type: "uuid")) != ValueGenerator(seed: 104, salt: "hbi.hosts")
            .value(for: Self.column("uuid", type: "uuid")))
        #expect(generator.value(for: Self.column("anyenum", type: "hbi.host_type", labels: ["conventional", "edge"]))
                == "('conventional')::hbi.host_type")
        #expect(generator.value(for: Self.column("tsvector", type: "tsvector")) == nil)
        #expect(generator.text(ofLength: 9, type: "text") == "('xxxxxxxxx')::text")
    }

    @Test func arrayElementsAreChosenFromTheElementType() {
        var array = Self.column("_varchar", type: "character varying[]")
        array.category = "A"
        array.elementType = "character varying"
        #expect(ValueGenerator(seed: 1, salt: "t").value(for: array) == "(ARRAY[('r1-t')::character varying])::character varying[]")
    }

    @Test func theTablesAFileNamesAndTheirLines() throws {
        let document = SQLDocument(try SourceFile(path: "m.sql", text: """
            BEGIN;
            ALTER TABLE hbi.hosts
                ADD COLUMN x text;
            CREATE INDEX i ON hbi.groups (name);
            INSERT INTO hosts_groups VALUES (1);
            ALTER TYPE hbi.host_type ADD VALUE 'bootc';
            COMMIT;
            """))
        let tables = FileTables(document)
        #expect(tables.allNames == ["hbi.hosts", "hbi.groups", "hosts_groups"])
        #expect(tables.lines(naming: "hbi.hosts", among: [2, 4, 5]) == [2])
        #expect(tables.lines(naming: "hbi.hosts_groups", among: [2, 4, 5]) == [5])
        #expect(tables.lines(naming: "hbi.hosts", among: [4]) == [])
        #expect(tables.statementLine(containing: 3) == 2)
        #expect(tables.enumChangeLines(in: "invalid input value for enum hbi.host_type: \"bootc\"") == [6])
    }

    @Test func theTableAServerMessageNames() {
        #expect(Attribution.table(in: "logical replication target relation \"hbi.hosts\" is missing replicated column: \"c\"")
                == "hbi.hosts")
        #expect(Attribution.table(in: "cannot update table \"hosts\" because it does not have a replica identity") == "hosts")
        #expect(Attribution.table(in: "duplicate key value violates unique constraint \"hosts_pkey\"") == nil)
    }

    @Test func exitCodes() {
        var report = ReplicationRehearsalReport(path: "m.sql")
        #expect(report.exitCode == 0)
        var phase = ReplicationRehearsalReport.Phase(number: 1, side: .subscriber)
        phase.problems = [.init(kind: .notReplicated, side: .publisher, message: "m", lines: [])]
        report.phases = [phase]
        #expect(report.exitCode == 0)
        report.phases[0].problems.append(.init(kind: .divergence, side: .subscriber, message: "m", lines: []))
        #expect(report.exitCode == 1)
        report.setupError = "no pair"
        #expect(report.exitCode == 2)
    }
}
