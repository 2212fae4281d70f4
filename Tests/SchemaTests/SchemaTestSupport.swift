import SQLSource
@testable import Schema

/// Builds a catalogue from SQL text, starting from `catalog`.
func build(_ sql: String, from catalog: Catalog = Catalog(), searchPath: [String] = ["public"]) throws -> CatalogBuilder {
    var builder = CatalogBuilder(catalog: catalog, searchPath: searchPath)
    let document = try SQLDocument(path: "test.sql", text: sql)
    for statement in document.statements {
        if let failure = statement.failure { throw TestFailure("does not parse: \(statement.text): \(failure.message)") }
    }
    builder.apply(document)
    return builder
}

func table(_ builder: CatalogBuilder, _ name: String) throws -> Table {
    guard let t = builder.catalog.tables[QualifiedName(parsing: name)] else { throw TestFailure("no table \(name); have \(builder.catalog.tables.keys.sorted())") }
    return t
}

func column(_ builder: CatalogBuilder, _ tableName: String, _ columnName: String) throws -> Column {
    guard let c = try table(builder, tableName).column(named: columnName) else { throw TestFailure("no column \(tableName).\(columnName)") }
    return c
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()
