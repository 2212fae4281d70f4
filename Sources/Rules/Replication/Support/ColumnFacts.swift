import Lint
import Schema
import SQLSource

/// What an `ADD COLUMN` definition means for existing rows.
struct ColumnFacts {
    let isNotNull: Bool
    let isGenerated: Bool
    let isIdentity: Bool
    let isSerial: Bool
    let defaultValue: ColumnDefault?

    init(_ def: ColumnDef, _ context: LintContext) {
        let constraints = def.constraints
        isNotNull = def.isNotNull
        isGenerated = constraints.contains { $0.kind == .generated }
        isIdentity = constraints.contains { $0.kind == .identity }
        isSerial = def.typeName.map { context.publisherCatalog.columnType($0, searchPath: context.searchPath).isSerial } ?? false
        defaultValue = constraints.first { $0.kind == .defaultValue }?.expression.map {
            context.publisherCatalog.columnDefault(of: $0, searchPath: context.searchPath)
        }
    }

    /// NOT NULL and nothing fills it: replicated INSERTs that lack it fail.
    var isRequired: Bool {
        isNotNull && !isGenerated && !isIdentity && !isSerial && (defaultValue == nil || defaultValue?.isNullConstant == true)
    }

    /// Existing rows get a value computed on each side separately: a
    /// non-immutable default, a sequence (serial, identity).
    var fillsExistingRowsDifferently: Bool {
        isIdentity || isSerial || (defaultValue.map { $0.volatility != .immutable } ?? false)
    }

    /// The one cause an ADD COLUMN's apply order is reported under, decided
    /// here once so that no column has two: generated (replication-generated-column),
    /// required (replication-add-required-column), filled per side
    /// (replication-volatile-default), or ordinary (replication-column-list
    /// when the table has one, else replication-apply-order).
    enum Cause { case generated, required, filledPerSide, ordinary }

    var cause: Cause {
        if isGenerated { return .generated }
        if isRequired { return .required }
        if fillsExistingRowsDifferently { return .filledPerSide }
        return .ordinary
    }

    var defaultDescription: String {
        if isIdentity { return "an identity sequence" }
        if isSerial { return "a serial sequence" }
        guard let value = defaultValue else { return "no default" }
        return "`DEFAULT \(value.expression)` (\(value.volatility.rawValue))"
    }
}
