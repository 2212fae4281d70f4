import CYAML

/// A YAML document as a plain tree, read with libyaml. replint's own files
/// (`.replint.yml`, the deploy templates its tests read) need mappings,
/// sequences and scalars with their lines, nothing more; libyaml gives
/// exactly that without linking Foundation, which a YAML library written in
/// Swift pulls in (and with it ICU's data) on every start-up.
public indirect enum YAMLNode: Sendable, Equatable {
    /// `plain` is false for quoted and block scalars: `"true"` is text, `true` is not.
    case scalar(String, plain: Bool, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([Pair], line: Int)

    public struct Pair: Sendable, Equatable {
        public let key: YAMLNode
        public let value: YAMLNode
    }

    /// 1-based line of the node's first character.
    public var line: Int {
        switch self {
        case .scalar(_, _, let line), .sequence(_, let line), .mapping(_, let line): line
        }
    }

    /// The scalar's text; nil for a collection.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// The value as `String`, `Bool` (plain `true`/`false` only, as YAML's
    /// core schema reads them), `[Any]` or `[String: Any]`, for readers
    /// that walk a document loosely.
    public var value: Any {
        switch self {
        case .scalar(let text, let plain, _):
            if plain, text == "true" { return true }
            if plain, text == "false" { return false }
            return text
        case .sequence(let items, _): return items.map(\.value)
        case .mapping(let pairs, _):
            var map: [String: Any] = [:]
            for pair in pairs { map[pair.key.string ?? ""] = pair.value.value }
            return map
        }
    }
}

/// YAML that libyaml refuses, or a document too deep or too large to be a
/// configuration (a self-referencing alias, or aliases that multiply).
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// 1-based, when libyaml names a position.
    public let line: Int?
    public let message: String
    public var description: String { message }
}

public enum YAMLDocument {
    /// Limits that no configuration reaches; they stop alias cycles and
    /// exponential alias expansion from hanging or overflowing the stack.
    static let maximumDepth = 64
    static let maximumNodes = 100_000

    /// The documents of a YAML stream, in order; an empty stream has none.
    public static func parse(_ text: String) throws(YAMLError) -> [YAMLNode] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError(line: nil, message: "cannot start the YAML reader") }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(YAMLError) -> [YAMLNode] in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var documents: [YAMLNode] = []
            while true {
                var document = yaml_document_t()
                guard yaml_parser_load(&parser, &document) == 1 else { throw problem(of: parser) }
                defer { yaml_document_delete(&document) }
                guard let root = yaml_document_get_root_node(&document) else { return documents }
                var budget = maximumNodes
                documents.append(try convert(root, in: &document, depth: 0, budget: &budget))
            }
        }
    }

    /// The first document, or nil for an empty stream.
    public static func parseFirst(_ text: String) throws(YAMLError) -> YAMLNode? {
        try parse(text).first
    }

    private static func problem(of parser: yaml_parser_t) -> YAMLError {
        let what = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let context = parser.context.map { " \(String(cString: $0))" } ?? ""
        let mark = parser.problem_mark
        return YAMLError(line: mark.line + 1 > 0 ? Int(mark.line) + 1 : nil,
                         message: "\(what)\(context) (line \(mark.line + 1), column \(mark.column + 1))")
    }

    private static func convert(_ node: UnsafeMutablePointer<yaml_node_t>, in document: inout yaml_document_t,
                                depth: Int, budget: inout Int) throws(YAMLError) -> YAMLNode {
        let line = Int(node.pointee.start_mark.line) + 1
        budget -= 1
        guard depth < maximumDepth, budget >= 0 else {
            throw YAMLError(line: line, message: "nested too deeply or too large (aliases that refer to themselves or multiply)")
        }
        switch node.pointee.type {
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            while let current = item, current != node.pointee.data.sequence.items.top {
                items.append(try child(current.pointee, in: &document, depth: depth, budget: &budget))
                item = current + 1
            }
            return .sequence(items, line: line)
        case YAML_MAPPING_NODE:
            var pairs: [YAMLNode.Pair] = []
            var pair = node.pointee.data.mapping.pairs.start
            while let current = pair, current != node.pointee.data.mapping.pairs.top {
                pairs.append(YAMLNode.Pair(key: try child(current.pointee.key, in: &document, depth: depth, budget: &budget),
                                           value: try child(current.pointee.value, in: &document, depth: depth, budget: &budget)))
                pair = current + 1
            }
            return .mapping(pairs, line: line)
        default:
            let scalar = node.pointee.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            return .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line)
        }
    }

    private static func child(_ index: Int32, in document: inout yaml_document_t,
                              depth: Int, budget: inout Int) throws(YAMLError) -> YAMLNode {
        guard let node = yaml_document_get_node(&document, index) else {
            throw YAMLError(line: nil, message: "a YAML node refers to nothing")
        }
        return try convert(node, in: &document, depth: depth + 1, budget: &budget)
    }
}
