import CPgQuery

/// What every parse-tree view is: a pointer into libpg_query's protobuf-c
/// structs and the `ParseTree` that owns them. The stored reference is what
/// makes a view safe to keep after its `Statement` or `SQLDocument` is gone;
/// it costs one retain per copy and no allocation.
///
/// Views are `@unchecked Sendable` because the tree is never written after
/// `Parser.parse` unpacks it, and the reference keeps it from being freed
/// while any view can still read it.
protocol ParseTreeView {
    associatedtype Raw
    var raw: UnsafeMutablePointer<Raw> { get }
    var tree: ParseTree { get }
    init(raw: UnsafeMutablePointer<Raw>, tree: ParseTree)
}

extension ParseTreeView {
    /// A view of a member message, nil when protobuf-c left it unset
    /// (`view(raw.pointee.relation)!` where the grammar always sets it).
    func view<V: ParseTreeView>(_ p: UnsafeMutablePointer<V.Raw>?) -> V? { p.map { V(raw: $0, tree: tree) } }

    /// A repeated `Node` member.
    func nodes(_ count: Int, _ array: UnsafeMutablePointer<UnsafeMutablePointer<PgQuery__Node>?>?) -> [Node] {
        guard let array, count > 0 else { return [] }
        var out: [Node] = []
        out.reserveCapacity(count)
        for k in 0..<count { if let p = array[k] { out.append(Node(raw: p, tree: tree)) } }
        return out
    }
}

/// A view of one parse-tree node. Typed views (`node.alterTable`,
/// `node.rangeVar`, ...) are optional accessors, so rules read like the SQL:
/// `if let alter = statement.node?.alterTable { ... }`.
public struct Node: ParseTreeView, @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__Node>
    let tree: ParseTree

    var tag: PgQuery__Node__NodeCase { raw.pointee.node_case }

    /// The protobuf message name of the node (`AlterTableStmt`, `ColumnDef`, ...).
    public var kindName: String {
        guard let (_, descriptor) = payload else { return "Node" }
        return String(cString: descriptor.pointee.short_name)
    }

    /// Every node below this one, depth first, this one excluded.
    public func descendants() -> [Node] {
        var out: [Node] = []
        if let (message, descriptor) = payload { collect(message, descriptor, into: &out) }
        return out
    }

    /// This node and every node below it.
    public func subtree() -> [Node] { [self] + descendants() }

    /// The active member of the node's oneof, with its descriptor.
    private var payload: (UnsafeMutableRawPointer, UnsafePointer<ProtobufCMessageDescriptor>)? {
        guard let field = replint_node_field(raw) else { return nil }
        let slot = UnsafeMutableRawPointer(raw) + Int(field.pointee.offset)
        guard let message = slot.load(as: UnsafeMutableRawPointer?.self) else { return nil }
        return (message, field.pointee.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self))
    }

    /// Walks a message generically through protobuf-c's descriptors, so the
    /// traversal covers every node type without a hand-written visitor.
    private func collect(_ message: UnsafeMutableRawPointer,
                         _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
                         into out: inout [Node]) {
        // Descriptors are static C data: the name pointer identifies the type.
        if descriptor.pointee.name == pg_query__node__descriptor.name {
            let node = Node(raw: message.assumingMemoryBound(to: PgQuery__Node.self), tree: tree)
            out.append(node)
            if let (inner, innerDescriptor) = node.payload { collect(inner, innerDescriptor, into: &out) }
            return
        }
        // Messages without fields (CHECKPOINT, say) have no field table at all.
        guard let fields = descriptor.pointee.fields else { return }
        for k in 0..<Int(descriptor.pointee.n_fields) {
            let field = fields[k]
            guard field.type == PROTOBUF_C_TYPE_MESSAGE else { continue }
            // Members of a oneof (A_Const's value, say) share one slot: only the active one is real.
            if field.flags & UInt32(PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue) != 0,
               (message + Int(field.quantifier_offset)).load(as: UInt32.self) != field.id { continue }
            let fieldDescriptor = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            let slot = message + Int(field.offset)
            if field.label == PROTOBUF_C_LABEL_REPEATED {
                let count = (message + Int(field.quantifier_offset)).load(as: Int.self)
                guard count > 0, let array = slot.load(as: UnsafeMutablePointer<UnsafeMutableRawPointer?>?.self) else { continue }
                for i in 0..<count {
                    if let child = array[i] { collect(child, fieldDescriptor, into: &out) }
                }
            } else if let child = slot.load(as: UnsafeMutableRawPointer?.self) {
                collect(child, fieldDescriptor, into: &out)
            }
        }
    }
}

/// protobuf-c spells an absent string as "".
func optionalString(_ p: UnsafeMutablePointer<CChar>?) -> String? {
    guard let p, p.pointee != 0 else { return nil }
    return String(cString: p)
}

func string(_ p: UnsafeMutablePointer<CChar>?) -> String { optionalString(p) ?? "" }
