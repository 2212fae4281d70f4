import CPgQuery

/// A view of one parse-tree node. Typed views (`node.alterTable`,
/// `node.rangeVar`, ...) are optional accessors, so rules read like the SQL:
/// `if let alter = statement.node?.alterTable { ... }`.
public struct Node: @unchecked Sendable {
    let raw: UnsafeMutablePointer<PgQuery__Node>

    init(_ raw: UnsafeMutablePointer<PgQuery__Node>) { self.raw = raw }

    var tag: PgQuery__Node__NodeCase { raw.pointee.node_case }

    /// The protobuf message name of the node (`AlterTableStmt`, `ColumnDef`, ...).
    public var kindName: String {
        guard let (message, descriptor) = payload else { return "Node" }
        _ = message
        return String(cString: descriptor.pointee.short_name)
    }

    /// Every node below this one, depth first, this one excluded.
    public func descendants() -> [Node] {
        var out: [Node] = []
        if let (message, descriptor) = payload { Node.collect(message, descriptor, into: &out) }
        return out
    }

    /// This node and every node below it.
    public func subtree() -> [Node] { [self] + descendants() }

    /// The active member of the node's oneof, with its descriptor.
    private var payload: (UnsafeMutableRawPointer, UnsafePointer<ProtobufCMessageDescriptor>)? {
        let descriptor = pg_query__node__descriptor
        let fields = descriptor.fields!
        for k in 0..<Int(descriptor.n_fields) where fields[k].id == raw.pointee.node_case.rawValue {
            let slot = UnsafeMutableRawPointer(raw) + Int(fields[k].offset)
            guard let message = slot.load(as: UnsafeMutableRawPointer?.self) else { return nil }
            return (message, fields[k].descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self))
        }
        return nil
    }

    /// Walks a message generically through protobuf-c's descriptors, so the
    /// traversal covers every node type without a hand-written visitor.
    private static func collect(_ message: UnsafeMutableRawPointer,
                                _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>,
                                into out: inout [Node]) {
        // Descriptors are static C data: the name pointer identifies the type.
        if descriptor.pointee.name == pg_query__node__descriptor.name {
            let node = Node(message.assumingMemoryBound(to: PgQuery__Node.self))
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

/// Reads protobuf-c's repeated `Node` fields.
func nodes(_ count: Int, _ array: UnsafeMutablePointer<UnsafeMutablePointer<PgQuery__Node>?>?) -> [Node] {
    guard let array, count > 0 else { return [] }
    return (0..<count).compactMap { array[$0].map(Node.init) }
}

/// protobuf-c spells an absent string as "".
func optionalString(_ p: UnsafeMutablePointer<CChar>?) -> String? {
    guard let p, p.pointee != 0 else { return nil }
    return String(cString: p)
}

func string(_ p: UnsafeMutablePointer<CChar>?) -> String { optionalString(p) ?? "" }
