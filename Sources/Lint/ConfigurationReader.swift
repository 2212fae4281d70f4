import YAMLTree

/// Turns the YAML tree into a `Configuration`, refusing unknown keys and bad
/// values with the line they are on.
struct ConfigurationReader {
    let path: String
    /// Asked for only under `rules:`: most configurations name no rule, and
    /// building the registry's id set is a good part of a small run's start-up.
    let knownRules: () -> Set<RuleID>
    /// Squawk's and older ids name the same rule as its own id does.
    let aliases: () -> RuleAliases

    func fail(_ node: YAMLNode, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: node.line, message: message)
    }

    func read(_ root: YAMLNode, into config: inout Configuration) throws {
        let map = try mapping(root, "the top level")
        for (keyNode, value) in map {
            let key = keyNode.string ?? ""
            switch key {
            case "schema": config.schema = try baseline(value)
            case "schema_revision": config.schemaRevision = try scalar(value, key)
            case "search_path": config.searchPath = try stringList(value, key)
            case "postgres_version":
                guard let v = Int(try scalar(value, key)), (10...18).contains(v) else {
                    throw fail(value, "`postgres_version` must be a PostgreSQL major version from 10 to 18")
                }
                config.postgresVersion = v
            case "replication": try replication(value, into: &config)
            case "rules": try rules(value, into: &config)
            case "exclude": config.exclude = try stringList(value, key)
            case "fail_on":
                let v = try scalar(value, key)
                guard let s = Severity(rawValue: v), s != .info else { throw fail(value, "`fail_on` must be `error` or `warning`, not `\(v)`") }
                config.failOn = s
            case "rule_pages":
                let v = try scalar(value, key)
                guard v.contains("://") else { throw fail(value, "`rule_pages` must be an absolute URL such as https://example.com/replint/rules/, not `\(v)`") }
                config.rulePages = v.hasSuffix("/") ? v : v + "/"
            default:
                throw fail(keyNode, "unknown key `\(key)` (known: schema, schema_revision, search_path, postgres_version, replication, rules, exclude, fail_on, rule_pages)")
            }
        }
    }

    func baseline(_ node: YAMLNode) throws -> Configuration.Baseline {
        switch node {
        case .scalar: return .shared([try scalar(node, "schema")])
        case .sequence: return .shared(try stringList(node, "schema"))
        case .mapping:
            var publisher: String?, subscriber: String?
            for (k, v) in try mapping(node, "schema") {
                switch k.string {
                case "publisher": publisher = try scalar(v, "schema.publisher")
                case "subscriber": subscriber = try scalar(v, "schema.subscriber")
                default: throw fail(k, "unknown key `schema.\(k.string ?? "")` (known: publisher, subscriber)")
                }
            }
            guard let publisher, let subscriber else { throw fail(node, "`schema` as a mapping needs both `publisher` and `subscriber`") }
            return .sides(publisher: publisher, subscriber: subscriber)
        default: throw fail(node, "`schema` must be a file, a list of files, or {publisher: FILE, subscriber: FILE}")
        }
    }

    func replication(_ node: YAMLNode, into config: inout Configuration) throws {
        for (k, v) in try mapping(node, "replication") {
            switch k.string {
            case "tables": config.replicatedTables = try stringList(v, "replication.tables")
            case "apply_order": config.applyOrder = try applyOrder(v, "replication.apply_order")
            case "files":
                for (glob, order) in try mapping(v, "replication.files") {
                    config.fileApplyOrders.append((try scalar(glob, "replication.files"), try applyOrder(order, "replication.files")))
                }
            default: throw fail(k, "unknown key `replication.\(k.string ?? "")` (known: tables, apply_order, files)")
            }
        }
    }

    func rules(_ node: YAMLNode, into config: inout Configuration) throws {
        let (knownRules, aliases) = (knownRules(), aliases())
        for (k, v) in try mapping(node, "rules") {
            // Rule ids are kebab-case; `Replication-Rename` means the same rule.
            let typed = try scalar(k, "rules")
            let id = aliases.resolve(RuleID(rawValue: typed.lowercased()))
            guard knownRules.contains(id) else {
                let known = (knownRules.map(\.rawValue) + aliases.canonical.keys.map(\.rawValue)).sorted()
                throw fail(k, "unknown rule `\(typed)` under `rules`\(Suggestion.didYouMean(typed, among: known)); `replint rules` lists them")
            }
            // YAML 1.1 reads a bare `off` as false; accept both spellings.
            let raw = try scalar(v, "rules.\(id)")
            let value = raw == "false" ? "off" : raw
            guard let setting = Configuration.RuleSetting(rawValue: value) else {
                throw fail(v, "`rules.\(id)` must be off, info, warning or error, not `\(raw)`")
            }
            config.ruleSettings[id] = setting
        }
    }

    func applyOrder(_ node: YAMLNode, _ key: String) throws -> ApplyOrder {
        let v = try scalar(node, key)
        guard let order = ApplyOrder(rawValue: v), order == .subscriberFirst || order == .publisherFirst else {
            throw fail(node, "`\(key)` must be subscriber-first or publisher-first, not `\(v)`")
        }
        return order
    }

    func mapping(_ node: YAMLNode, _ key: String) throws -> [(YAMLNode, YAMLNode)] {
        guard case .mapping(let pairs, _) = node else { throw fail(node, "`\(key)` must be a mapping") }
        return pairs.map { ($0.key, $0.value) }
    }

    func scalar(_ node: YAMLNode, _ key: String) throws -> String {
        guard case .scalar(let text, _, _) = node, !text.isEmpty else { throw fail(node, "`\(key)` must be a non-empty value") }
        return text
    }

    func stringList(_ node: YAMLNode, _ key: String) throws -> [String] {
        guard case .sequence(let seq, _) = node else { throw fail(node, "`\(key)` must be a list") }
        return try seq.map { try scalar($0, key) }
    }
}
