import Lint
import Schema
import SQLSource

/// Whether what a statement changes was there before the file: only then
/// can a client depend on it. With a baseline the baseline says (an object
/// it does not know is not reported; `--schema-strict` reports the statement
/// itself); without one, everything the file did not create counts as existing.
extension LintContext {
    func existedBefore(_ relation: RangeVar) -> Bool {
        // alembic-version-table owns every statement on alembic's own table: it is deleted, not kept.
        guard relation.name != "alembic_version" else { return false }
        // The same answer the lock rules get: tables the file created are followed through renames and drops.
        if existedBeforeFile(relation) { return true }
        // Sequences are relations too, which that tracking leaves to the model.
        let parts = [relation.schema, relation.name].compactMap { $0 }
        let isSequence: CatalogLookup.Test = { $0.sequences[$1] != nil }
        let known = (parts.count > 1 ? [QualifiedName(parts[0], parts[1])] : searchPath.map { QualifiedName($0, relation.name) })
            .contains { isSequence(publisherCatalog, $0) || isSequence(baselineCatalog, $0) }
        return known && existedBefore(parts: parts, isSequence)
    }

    func existedBefore(_ name: QualifiedName, _ has: CatalogLookup.Test) -> Bool {
        hasBaseline ? has(baselineCatalog, name) : !has(publisherCatalog, name)
    }

    /// An object named by its parts (`["hbi", "state"]` or `["state"]`):
    /// an unqualified name means the first schema of the search path that
    /// holds it now, as PostgreSQL resolves it.
    func existedBefore(parts: [String], _ has: CatalogLookup.Test) -> Bool {
        guard let name = parts.last else { return false }
        let candidates = parts.count > 1 ? [QualifiedName(parts[parts.count - 2], name)] : searchPath.map { QualifiedName($0, name) }
        let meant = candidates.first { has(publisherCatalog, $0) } ?? candidates.first { has(baselineCatalog, $0) }
        guard let meant else { return !hasBaseline }
        return existedBefore(meant, has)
    }

    /// Any kind of object a DROP, RENAME or SET SCHEMA names.
    func existedBefore(_ kind: ObjectKind, parts: [String]) -> Bool {
        guard kind != .table || parts.last != "alembic_version" else { return false }
        if let has = CatalogLookup.named(kind) {
            guard let name = parts.last else { return false }
            return hasBaseline ? has(baselineCatalog, name) : !has(publisherCatalog, name)
        }
        // Kinds the model does not keep (databases, policies, ...): nothing says the file made them.
        guard let has = CatalogLookup.qualified(kind) else { return true }
        return existedBefore(parts: parts, has)
    }
}

/// How to ask a catalogue whether it holds an object of a kind.
enum CatalogLookup {
    typealias Test = @Sendable (Catalog, QualifiedName) -> Bool

    static let relation: Test = { $0.tables[$1] != nil || $0.otherRelations[$1] != nil || $0.sequences[$1] != nil }

    static func qualified(_ kind: ObjectKind) -> Test? {
        switch kind {
        case .table, .foreignTable, .view, .materializedView: return relation
        case .sequence: return { $0.sequences[$1] != nil }
        case .index: return { $0.indexes[$1] != nil }
        case .function, .procedure, .routine, .aggregate: return { $0.functions[$1] != nil }
        case .domain: return { $0.domains[$1] != nil }
        case .type: return { $0.enums[$1] != nil || $0.domains[$1] != nil || $0.otherRelations[$1] == .compositeType }
        default: return nil
        }
    }

    /// Kinds named without a schema.
    static func named(_ kind: ObjectKind) -> ((Catalog, String) -> Bool)? {
        switch kind {
        case .schema: return { $0.schemas.contains($1) }
        default: return nil
        }
    }
}

/// Object names for messages and help, quoted where SQL needs it.
func spelled(_ parts: [String]) -> String { parts.map(quoteIdentifier).joined(separator: ".") }

extension RangeVar {
    /// `hbi."Hosts"`: the name as SQL spells it.
    var spelled: String { Rules.spelled([schema, name].compactMap { $0 }) }
}
