import Testing
@testable import SQLSource

@Suite struct ParseTreeLifetimeTests {
    /// A view deep inside the tree, returned without its statement or document.
    private func columnType(of sql: String) throws -> TypeName {
        let document = try SQLDocument(text: sql)
        let alter = try #require(document.statements.first?.node?.alterTable)
        return try #require(alter.commands.first?.definition?.columnDef?.typeName)
    }

    @Test func viewOutlivingItsDocumentStillReads() throws {
        let type = try columnType(of: "ALTER TABLE hbi.hosts ADD COLUMN tags varchar(64)[] NOT NULL;")
        // Parse more so that freed parse-tree memory would be handed out again.
        let others = try (0..<20).map { _ in try SQLDocument(text: "CREATE TABLE app.t (a bigint, b text, c jsonb);") }
        #expect(others.allSatisfy { $0.statements.first?.node?.createTable != nil })
        #expect(type.names == ["pg_catalog", "varchar"])
        #expect(type.modifiers.compactMap { $0.constant?.text } == ["64"])
        #expect(type.isArray)
    }

    @Test func nodeOutlivingItsStatementStillReads() throws {
        var statement: Statement? = try SQLDocument(text: "ALTER TABLE app.orders REPLICA IDENTITY USING INDEX orders_pkey;").statements.first
        let command = try #require(statement?.node?.alterTable?.commands.first)
        statement = nil
        #expect(command.action == .replicaIdentity)
        #expect(command.replicaIdentity?.kind == .index && command.replicaIdentity?.index == "orders_pkey")
    }

    @Test func treeIsFreedWithItsLastView() throws {
        weak var tree: ParseTree?
        var type: TypeName? = try columnType(of: "ALTER TABLE app.t ADD COLUMN n numeric(10, 2);")
        tree = type?.tree
        #expect(tree != nil, "the view keeps its tree")
        #expect(type?.names == ["pg_catalog", "numeric"])
        type = nil
        #expect(tree == nil, "nothing else holds the tree")
    }

    @Test func statementNodeIsTakenOnceFromItsTree() throws {
        let statement = try #require(try SQLDocument(text: "SELECT 1;").statements.first)
        let first = try #require(statement.node), second = try #require(statement.node)
        #expect(first.raw == second.raw && first.tree === second.tree)
        #expect(first.tree.statements.map(\.raw) == [first.raw])
    }
}
