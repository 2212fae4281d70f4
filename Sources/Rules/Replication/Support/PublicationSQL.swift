import Schema

/// The `ALTER PUBLICATION` a help line gives, built from the model's
/// publication: `SET` replaces the whole list, so every other entry is
/// written out as the model holds it.
enum PublicationSQL {
    /// `ALTER PUBLICATION p SET TABLE ...;` with `table`'s column list changed by `columns`.
    static func setTable(_ publication: Publication, _ table: QualifiedName, columns: ([String]) -> [String]) -> String {
        var objects: [String] = publication.tables.map { entry in
            var text = "TABLE \(entry.table)"
            if let list = entry.columns {
                let kept = entry.table == table ? columns(list) : list
                text += " (\(kept.map(quoteIdentifier).joined(separator: ", ")))"
            }
            if let filter = entry.rowFilter { text += " WHERE (\(filter))" }
            return text
        }
        objects += publication.schemas.map { "TABLES IN SCHEMA \(quoteIdentifier($0))" }
        return "ALTER PUBLICATION \(quoteIdentifier(publication.name)) SET \(objects.joined(separator: ", "));"
    }

    /// The publication's list without `column` for `table`.
    static func without(_ column: String, _ publication: Publication, _ table: QualifiedName) -> String {
        setTable(publication, table) { $0.filter { $0 != column } }
    }

    /// The publication's list as it is (to restore it).
    static func current(_ publication: Publication, _ table: QualifiedName) -> String {
        setTable(publication, table) { $0 }
    }
}
