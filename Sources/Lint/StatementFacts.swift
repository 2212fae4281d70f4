import SQLSource

/// Facts several rules read off the same statement (the column types it
/// declares, say), worked out once per statement. The engine opens it for
/// each statement it walks, with the context every rule then sees; outside
/// a walk nothing is kept and each ask is worked out afresh. Facts about
/// the whole file (`fileValue`) are kept for as long as the context.
public final class StatementFacts: @unchecked Sendable {
    // Unchecked: one walk owns it, on one thread, and rules only read through `value` and `fileValue`.
    private var open: Int?
    private var values: [ObjectIdentifier: Any] = [:]

    init() {}

    func begin(_ statement: Statement) {
        open = statement.index
        values.removeAll(keepingCapacity: true)
    }

    func end() {
        open = nil
        values.removeAll(keepingCapacity: true)
    }

    /// The fact of type `Value` about `statement`: kept from the first rule
    /// that asked while the engine has the statement open, else computed.
    /// Facts are told apart by their type: each kind needs a type of its own.
    public func value<Value>(_ statement: Statement, _ compute: () -> Value) -> Value {
        guard open == statement.index else { return compute() }
        let key = ObjectIdentifier(Value.self)
        if let kept = values[key] as? Value { return kept }
        let value = compute()
        values[key] = value
        return value
    }

    private var fileValues: [ObjectIdentifier: Any] = [:]

    /// The fact of type `Value` about the whole file (the context's
    /// document never changes): kept from the first rule that asked, so an
    /// index of the file is built once, not per statement.
    public func fileValue<Value>(_ compute: () -> Value) -> Value {
        let key = ObjectIdentifier(Value.self)
        if let kept = fileValues[key] as? Value { return kept }
        let value = compute()
        fileValues[key] = value
        return value
    }
}
