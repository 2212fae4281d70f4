import SQLSource

/// A statement of a baseline that PostgreSQL would reject: reported once,
/// with the baseline's file and line, and loading goes on without it.
public struct BaselineSyntaxError: Sendable {
    public let path: String
    public let location: SourceLocation
    public let range: Range<Int>
    public let message: String
    public let statement: String
    public let document: SQLDocument
}

/// The model built from one or more baseline files, in order.
public struct LoadedBaseline: Sendable {
    public var catalog: Catalog
    public var syntaxErrors: [BaselineSyntaxError] = []
    public var warnings: [CatalogWarning] = []
    public var appliedCount = 0
    public var skippedCount = 0
}

public enum BaselineLoader {
    /// Reads and applies `paths` in order, each starting from `searchPath`.
    /// An unreadable file throws (the caller exits 2 naming it); a bad
    /// statement is a syntax error and the rest of the file still loads.
    public static func load(paths: [String], searchPath: [String]) throws(SourceError) -> LoadedBaseline {
        var documents: [SQLDocument] = []
        for path in paths { documents.append(SQLDocument(try SourceFile.read(path: path))) }
        return load(documents: documents, searchPath: searchPath)
    }

    public static func load(documents: [SQLDocument], searchPath: [String], from catalog: Catalog = Catalog()) -> LoadedBaseline {
        var loaded = LoadedBaseline(catalog: catalog)
        for document in documents {
            var builder = CatalogBuilder(catalog: loaded.catalog, searchPath: searchPath)
            builder.apply(document)
            loaded.catalog = builder.catalog
            loaded.warnings += builder.warnings
            loaded.appliedCount += builder.appliedCount
            loaded.skippedCount += builder.skippedCount
            loaded.syntaxErrors += syntaxErrors(in: document)
        }
        return loaded
    }

    static func syntaxErrors(in document: SQLDocument) -> [BaselineSyntaxError] {
        let file = document.file
        var out: [BaselineSyntaxError] = []
        for statement in document.statements {
            guard let failure = statement.failure else { continue }
            out.append(BaselineSyntaxError(
                path: file.path, location: file.location(of: failure.offset), range: statement.range,
                message: failure.message, statement: statement.text, document: document))
        }
        for stretch in document.stretches {
            out.append(BaselineSyntaxError(
                path: file.path, location: file.location(of: stretch.range.lowerBound), range: stretch.range,
                message: stretch.message, statement: file.text(stretch.range), document: document))
        }
        return out
    }
}
