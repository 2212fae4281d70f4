import SQLSource

/// A rule's metadata: everything its page, `replint rules` and the example
/// tests need sits here, at the top of the rule's own file.
///
/// A class, so that a rule holding one fits in an existential's inline
/// buffer and reading `rule.description` on every statement copies one
/// reference. The rationale, examples and notes are only read by the pages
/// and the tests, so they are built when read, not when the registry is.
public final class RuleDescription: Sendable {
    public let id: RuleID
    /// Other ids users may write for this rule (squawk's, older spellings):
    /// suppressions, `rules:` and `replint explain` accept them; findings
    /// carry `id`.
    public let aliases: [RuleID]
    public let name: String
    public let category: RuleCategory
    public let defaultSeverity: Severity
    /// False for a rule that runs only when `rules:` gives it a severity;
    /// its page says why it is off.
    public let isEnabledByDefault: Bool
    public let summary: String
    public var rationale: String { makeRationale() }
    /// What to write instead, ideally as SQL.
    public let safeAlternative: String
    /// Examples that must be reported; `↓` marks each expected position.
    public var triggeringExamples: [RuleExample] { makeTriggeringExamples() }
    public var nonTriggeringExamples: [RuleExample] { makeNonTriggeringExamples() }
    /// Extra sections of the rule's page (title, Markdown body).
    public var notes: [(title: String, body: String)] { makeNotes() }

    private let makeRationale: @Sendable () -> String
    private let makeTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNonTriggeringExamples: @Sendable () -> [RuleExample]
    private let makeNotes: @Sendable () -> [(title: String, body: String)]

    public init(id: RuleID, aliases: [RuleID] = [], name: String, category: RuleCategory, defaultSeverity: Severity,
                isEnabledByDefault: Bool = true, summary: String,
                rationale: @autoclosure @escaping @Sendable () -> String, safeAlternative: String,
                triggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample],
                nonTriggeringExamples: @autoclosure @escaping @Sendable () -> [RuleExample],
                notes: @autoclosure @escaping @Sendable () -> [(title: String, body: String)] = []) {
        self.id = id
        self.aliases = aliases
        self.name = name
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.isEnabledByDefault = isEnabledByDefault
        self.summary = summary
        self.makeRationale = rationale
        self.safeAlternative = safeAlternative
        self.makeTriggeringExamples = triggeringExamples
        self.makeNonTriggeringExamples = nonTriggeringExamples
        self.makeNotes = notes
    }
}

public struct RuleExample: Sendable {
    /// The SQL, with `↓` where a finding must start (triggering examples).
    public let sql: String
    public let note: String?
    /// The schema the example starts from (a baseline, as `schema:` names one); nil: none.
    public let baseline: String?
    /// `replication.tables` for the example; nil: not configured.
    public let replicatedTables: [String]?
    /// `postgres_version` for the example; nil: the default.
    public let postgresVersion: Int?
    /// The subscriber's own baseline, when it differs from `baseline` (the publisher's); nil: the same.
    public let subscriberBaseline: String?

    public init(_ sql: String, note: String? = nil, baseline: String? = nil, replicatedTables: [String]? = nil,
                postgresVersion: Int? = nil, subscriberBaseline: String? = nil) {
        self.sql = sql
        self.note = note
        self.baseline = baseline
        self.replicatedTables = replicatedTables
        self.postgresVersion = postgresVersion
        self.subscriberBaseline = subscriberBaseline
    }

    public static let marker: Character = "↓"

    /// The SQL without markers, and the byte offset of each marker in it.
    public var unmarked: (sql: String, offsets: [Int]) {
        var text = ""
        var offsets: [Int] = []
        for ch in sql {
            if ch == RuleExample.marker { offsets.append(text.utf8.count) } else { text.append(ch) }
        }
        return (text, offsets)
    }
}

/// A check. Rules never print: they return violations and the engine makes
/// findings of them. Most rules look at one statement at a time; rules about
/// the file as a whole (its transaction shape, its log output) use `checkFile`.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ statement: Statement, in context: LintContext) -> [Violation]
    func checkFile(_ context: LintContext) -> [Violation]
    /// The parts of `statement` whose apply order this rule owns. A change
    /// that is not `either` is one the rule reports as a hazard of its own;
    /// `replication-apply-order` owns the plain ones and speaks for a rule
    /// that is turned off.
    func orderedChanges(_ statement: Statement, in context: LintContext) -> [OrderedChange]
    /// `check` and `orderedChanges` in one pass, which is how the engine asks:
    /// a rule whose two come from one detection answers both at once.
    func examine(_ statement: Statement, in context: LintContext) -> (violations: [Violation], changes: [OrderedChange])
    /// True for a rule that reads the other rules' ordered changes
    /// (`LintContext.orderedChanges`): the engine asks it last.
    var readsOrderedChanges: Bool { get }
    /// The findings of the engine's own this rule reports, if any.
    var engineRole: EngineRole? { get }
}

extension Rule {
    public func check(_ statement: Statement, in context: LintContext) -> [Violation] { [] }
    public func checkFile(_ context: LintContext) -> [Violation] { [] }
    public func orderedChanges(_ statement: Statement, in context: LintContext) -> [OrderedChange] { [] }
    public func examine(_ statement: Statement, in context: LintContext) -> (violations: [Violation], changes: [OrderedChange]) {
        (check(statement, in: context), orderedChanges(statement, in: context))
    }
    public var readsOrderedChanges: Bool { false }
    public var engineRole: EngineRole? { nil }
    public var id: RuleID { description.id }
}
