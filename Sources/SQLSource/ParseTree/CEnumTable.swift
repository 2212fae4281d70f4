import CPgQuery

/// A Swift enum read from one of libpg_query's protobuf-c enums
/// (pg_query.pb-c.h). Its `mapping` names the C constants, so a libpg_query
/// upgrade that renumbers them moves the mapping along, and one that renames
/// or removes one fails the build.
protocol ParseTreeEnum: CaseIterable, Hashable, Sendable {
    associatedtype CEnum: RawRepresentable where CEnum.RawValue == UInt32
    static var mapping: CEnumTable<CEnum, Self> { get }
}

extension ParseTreeEnum {
    init(_ c: CEnum) { self = Self.mapping[c] }
}

/// C constant to Swift case, as a table indexed by the constant's value:
/// reading a field costs one bounds check and one load.
struct CEnumTable<CEnum: RawRepresentable, Value: Equatable & Sendable>: Sendable where CEnum.RawValue == UInt32 {
    /// What a constant the mapping does not name reads as.
    let unmapped: Value
    private let pairs: [(c: UInt32, value: Value)]
    private let byRawValue: [Value]

    init(unmapped: Value, _ pairs: [(CEnum, Value)]) {
        self.unmapped = unmapped
        self.pairs = pairs.map { ($0.0.rawValue, $0.1) }
        var table = [Value](repeating: unmapped, count: Int(pairs.map(\.0.rawValue).max() ?? 0) + 1)
        for (c, value) in pairs { table[Int(c.rawValue)] = value }
        byRawValue = table
    }

    subscript(c: CEnum) -> Value {
        let i = Int(c.rawValue)
        return i < byRawValue.count ? byRawValue[i] : unmapped
    }

    /// The constant that reads as `value`, nil for one no constant maps to.
    func cValue(of value: Value) -> CEnum? {
        pairs.first { $0.value == value }.flatMap { CEnum(rawValue: $0.c) }
    }
}
