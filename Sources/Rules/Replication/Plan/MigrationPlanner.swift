import Lint
import Schema
import SQLSource

public enum MigrationPlanner {
    /// Plans `document` with the schema the linter would give it.
    public static func plan(_ document: SQLDocument, linter: Linter) -> MigrationPlan {
        let declaration = ApplyOrderDeclaration(document: document, configuration: linter.configuration)
        var entries: [MigrationPlan.Entry] = []
        var prerequisites: [Int: String] = [:]
        var texts: [String] = []
        linter.walk(document) { statement, context in
            guard let node = statement.node, node.transaction == nil else { return }
            let changes = ApplyOrderClassifier.changes(statement, in: context)
            let (order, reason, rule) = combine(changes)
            if let first = changes.compactMap(\.prerequisite).first { prerequisites[entries.count] = first }
            entries.append(.init(line: statement.location.line, head: statement.head, text: statement.text, order: order,
                                 reason: reason, rule: rule))
            texts.append(statement.text)
        }
        let blocked = entries.enumerated().filter { $0.element.order == .unsafe && prerequisites[$0.offset] == nil }.map(\.element)
        let needed = Set(entries.enumerated().compactMap { index, entry -> ApplyOrder? in
            switch entry.order {
            case .subscriberFirst, .publisherFirst: return entry.order
            case .unsafe: return prerequisites[index] != nil ? .publisherFirst : nil
            case .either: return nil
            }
        })
        let needsPrerequisite = !prerequisites.isEmpty
        let verdict: MigrationPlan.Verdict
        if !blocked.isEmpty {
            verdict = .unsafe
        } else if needed.count > 1 || needsPrerequisite {
            verdict = .split
        } else if let only = needed.first, only != declaration.order {
            verdict = .needsOrder(only)
        } else {
            verdict = .fits(declaration.order)
        }
        let parts = verdict == .split ? split(entries, texts, prerequisites) : []
        return MigrationPlan(path: document.file.path, declared: declaration.order, declaredBy: declaration.source,
                             entries: entries, verdict: verdict, parts: parts, blocked: blocked)
    }

    /// One order for a statement from its commands': unsafe wins, two
    /// opposite orders in one ALTER TABLE are unsafe too (split the ALTER).
    /// The rule named beside a statement is the one that reports its hazard;
    /// apply-order's own plain changes name none.
    static func combine(_ changes: [OrderedChange]) -> (ApplyOrder, String, RuleID?) {
        func owner(_ change: OrderedChange) -> RuleID? { change.rule == RuleID.replicationApplyOrder ? nil : change.rule }
        let ordered = changes.filter { $0.order != .either }
        if let unsafe = ordered.first(where: { $0.order == .unsafe }) { return (.unsafe, unsafe.reason, owner(unsafe)) }
        let orders = Set(ordered.map(\.order))
        if orders.count > 1 {
            return (.unsafe, "its commands need opposite orders: split this ALTER TABLE into one statement per order", nil)
        }
        if let first = ordered.first { return (first.order, first.reason, owner(first)) }
        if let first = changes.first { return (.either, first.reason, owner(first)) }
        return (.either, "does not change what replication sees", nil)
    }

    /// Subscriber-first statements (and the prerequisites of unsafe ones)
    /// ship first, then the publisher-first ones; a statement that fits
    /// either order travels with the statement before it.
    static func split(_ entries: [MigrationPlan.Entry], _ texts: [String], _ prerequisites: [Int: String]) -> [MigrationPlan.Part] {
        var subscriber: [String] = [], publisher: [String] = []
        var current = ApplyOrder.subscriberFirst
        for (index, entry) in entries.enumerated() {
            let sql = texts[index].hasSuffix(";") ? texts[index] : texts[index] + ";"
            switch entry.order {
            case .subscriberFirst: current = .subscriberFirst
            case .publisherFirst: current = .publisherFirst
            case .unsafe:
                if let first = prerequisites[index] { subscriber.append(first) }
                current = .publisherFirst
            case .either: break
            }
            if current == .subscriberFirst { subscriber.append(sql) } else { publisher.append(sql) }
        }
        return [MigrationPlan.Part(order: .subscriberFirst, statements: subscriber),
                MigrationPlan.Part(order: .publisherFirst, statements: publisher)].filter { !$0.statements.isEmpty }
    }
}

extension MigrationPlanner {
    /// `lint --plan`: the plan of every file the lint read, with the
    /// baselines `replint plan` reads (a baseline that does not load was
    /// already reported by the lint; the plan then starts from no model).
    public static func plans(for report: LintReport, session: LintSession) -> [MigrationPlan] {
        let linter = (try? session.linterWithBaselines()) ?? session.linter
        return report.results.compactMap { result in result.document.map { plan($0, linter: linter) } }
    }
}
