import Lint
import Schema
import SQLSource

extension RuleID {
    public static let enumValueUsedBeforeCommit: RuleID = "enum-value-used-before-commit"
}

public struct EnumValueUsedBeforeCommitRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: .enumValueUsedBeforeCommit,
        name: "New enum value used in the transaction that adds it",
        category: .alembic,
        defaultSeverity: .error,
        summary: "A use of a value that ALTER TYPE ... ADD VALUE added earlier in the same transaction.",
        rationale: """
        Since PostgreSQL 12, `ALTER TYPE ... ADD VALUE` runs inside a transaction block, but the new \
        value cannot be used until that transaction commits: an INSERT, UPDATE, default or \
        comparison with it in the same transaction fails with `unsafe use of new value "starting" of \
        enum type hbi.state` (SQLSTATE 55P04), and the whole file rolls back. Alembic's offline SQL \
        puts every operation in one transaction unless it is in an autocommit block.
        """,
        safeAlternative: """
        Add the value in an autocommit block, so that it commits before anything uses it (alembic: \
        `with op.get_context().autocommit_block(): op.execute("ALTER TYPE hbi.state ADD VALUE \
        'starting'")`), which prints `COMMIT; ALTER TYPE hbi.state ADD VALUE 'starting'; BEGIN;`.
        """,
        triggeringExamples: [
            RuleExample("BEGIN;\nALTER TYPE hbi.state ADD VALUE 'starting';\nUPDATE hbi.hosts SET state = ↓'starting' WHERE state = 'up';\nCOMMIT;", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state);"),
            RuleExample("ALTER TYPE \"hbi\".\"State\" ADD VALUE 'gone';\nSELECT ↓'gone'::\"hbi\".\"State\";", note: "A file without BEGIN is one transaction; a cast names the type"),
            RuleExample("BEGIN;\nALTER TYPE hbi.state ADD VALUE 'new' BEFORE 'up';\nALTER TABLE hbi.hosts ALTER COLUMN state SET DEFAULT ↓'new';\nCOMMIT;", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state);"),
        ],
        nonTriggeringExamples: [
            RuleExample("BEGIN;\nCOMMIT;\nALTER TYPE hbi.state ADD VALUE 'starting';\nBEGIN;\nUPDATE hbi.hosts SET state = 'starting' WHERE state = 'up';\nCOMMIT;", note: "Added in an autocommit block: committed before its use", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state);"),
            RuleExample("BEGIN;\nALTER TYPE hbi.state ADD VALUE 'starting';\nCOMMIT;\nBEGIN;\nUPDATE hbi.hosts SET state = 'starting';\nCOMMIT;", note: "A later transaction", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.hosts (id int PRIMARY KEY, state hbi.state);"),
            RuleExample("BEGIN;\nALTER TYPE hbi.state ADD VALUE 'starting';\nUPDATE hbi.notes SET body = 'starting';\nCOMMIT;", note: "The same text in a column of another type", baseline: "CREATE SCHEMA hbi; CREATE TYPE hbi.state AS ENUM ('up', 'down'); CREATE TABLE hbi.notes (body text);"),
        ],
        notes: [(title: "Category and severity", body: "`alembic`, beside `transaction-control`: the fix is the file's transaction shape (an autocommit block), and the file fails where it runs, so error. A use counts when the statement casts the value to the enum, defines a column of it, or touches a table that has a column of it."), (title: "PostgreSQL versions", body: "Before PostgreSQL 12, ADD VALUE cannot run in a transaction block at all; from 12 on it can, and this rule applies.")])

    public func check(_ statement: Statement, in context: LintContext) -> [Violation] {
        guard let node = statement.node, node.alterEnum == nil,
              let segment = context.transactionShape.segment(of: statement), segment.isTransaction,
              let first = segment.statements.first
        else { return [] }
        let added = context.enumValueAdditions.within(first.index..<statement.index).compactMap { earlier -> (names: [String], label: String, line: Int)? in
            guard let alter = earlier.node?.alterEnum else { return nil }
            return (alter.names, alter.newLabel, earlier.location.line)
        }
        guard !added.isEmpty else { return [] }
        let subtree = node.subtree()
        let strings = subtree.compactMap(\.constant).filter(\.isString)
        var found: [Violation] = []
        for value in added {
            guard let typeName = value.names.last, EnumUse(subtree, typeName: typeName, names: value.names, context).found else { continue }
            for constant in strings where constant.text == value.label {
                let offset = statement.range.lowerBound + constant.location
                found.append(Violation(range: offset..<offset + 1,
                                       message: "uses '\(value.label)', which line \(value.line) adds to enum `\(spelled(value.names))` in the same transaction: PostgreSQL refuses it until that transaction commits (`unsafe use of new value \"\(value.label)\" of enum type \(value.names.joined(separator: "."))`)",
                                       help: "Add the value in an autocommit block so that it commits first (alembic: `op.get_context().autocommit_block()`):\nCOMMIT;\nALTER TYPE \(spelled(value.names)) ADD VALUE '\(value.label)';\nBEGIN;"))
            }
        }
        return found
    }
}

/// Whether a statement involves the enum: it casts to it, declares a column
/// of it, or names a table with a column of it. A string alone is not a
/// use: the same text may be meant for a column of another type.
private struct EnumUse {
    let found: Bool

    init(_ subtree: [Node], typeName: String, names: [String], _ context: LintContext) {
        let casts = subtree.contains { $0.typeCast?.typeName?.names.last == typeName || $0.columnDef?.typeName?.names.last == typeName }
        let qualified = context.enumName(names)?.description
        // A statement's own target is a field of its node, not a node of the tree.
        let root = subtree.first
        let targets = [root?.update?.relation, root?.insert?.relation, root?.delete?.relation, root?.merge?.relation,
                       root?.alterTable?.relation, root?.createIndex?.relation].compactMap { $0 }
        let tables = (targets + subtree.compactMap(\.rangeVar)).compactMap { context.table($0) }
        found = casts || tables.contains { table in
            table.columns.contains { column in qualified.map { column.typeName == $0 || column.typeName == $0 + "[]" } ?? false }
        }
    }
}

extension LintContext {
    /// The enum `names` means, as the model knows it just before the statement.
    func enumName(_ names: [String]) -> QualifiedName? {
        guard let name = names.last else { return nil }
        let candidates = names.count > 1 ? [QualifiedName(names[names.count - 2], name)] : searchPath.map { QualifiedName($0, name) }
        return candidates.first { publisherCatalog.enumType($0) != nil }
    }
}
