import Testing
import Lint
import Rules
import Schema
import SQLSource

/// Every ordered change belongs to one rule, and that rule reports it:
/// `replication-apply-order` stays quiet about a change another rule owns
/// only because the owner has spoken, never on the assumption that it did.
@Suite struct OrderedChangeOwnershipTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let sql: String
        let baselines: Baselines?
        let replicatedTables: [String]?
        var testDescription: String { name }
    }

    /// Every rule example, with its baseline and without one, and the sample
    /// migrations with their publisher/subscriber baselines and without.
    static let cases: [Case] = {
        var cases: [Case] = []
        for rule in RuleRegistry.all {
            let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
            for (n, example) in examples.enumerated() {
                let sql = example.unmarked.sql
                let name = "\(rule.id) example \(n + 1)"
                if let baseline = example.baseline {
                    cases.append(Case(name: name, sql: sql, baselines: try? Baselines.fromSQL(baseline), replicatedTables: example.replicatedTables))
                }
                cases.append(Case(name: name + " without baseline", sql: sql, baselines: nil, replicatedTables: example.replicatedTables))
            }
        }
        let folder = RulePagesTests.repository + "/app_migrations"
        let baselines = try? Baselines.load(publisher: [folder + "/schema.sql"], subscriber: [folder + "/subscriber-schema.sql"], searchPath: ["public"])
        for file in ["661a4319d18b.sql", "6f44b7ecd7be.sql", "b52d980f9119.sql"] {
            let sql = RulePagesTests().read(folder + "/" + file) ?? ""
            cases.append(Case(name: file, sql: sql, baselines: baselines, replicatedTables: nil))
            cases.append(Case(name: file + " without baseline", sql: sql, baselines: nil, replicatedTables: nil))
        }
        return cases
    }()

    static let owners = RuleRegistry.all.filter { $0.description.category == .replication && $0.id != "replication-apply-order" }

    /// Walks `test` and hands each statement's changes and violations, rule by rule, to `visit`.
    func walk(_ test: Case, off: [RuleID] = [],
              _ visit: (Statement, LintContext, [(rule: any Rule, changes: [OrderedChange], violations: [Violation])]) -> Void) throws {
        let document = try SQLDocument(path: "m.sql", text: test.sql)
        var configuration = Configuration()
        configuration.replicatedTables = test.replicatedTables
        for id in off { configuration.ruleSettings[id] = .off }
        var linter = Linter(rules: RuleRegistry.all, configuration: configuration)
        linter.baselines = test.baselines
        linter.walk(document) { statement, context in
            visit(statement, context, RuleRegistry.all.map { ($0, $0.orderedChanges(statement, in: context), $0.check(statement, in: context)) })
        }
    }

    /// What apply-order must report of `changes` in a file declared `declared`.
    func contradicting(_ changes: [OrderedChange], _ declared: ApplyOrder) -> [OrderedChange] {
        changes.filter { $0.order == .unsafe || ($0.order != .either && $0.order != declared) }
    }

    /// The engine asks each rule once for its findings and its changes and
    /// hands the changes to apply-order; that must report exactly what asking
    /// every rule's `check` on its own does, with the owners on and off.
    @Test(arguments: cases)
    func theEnginesOnePassMatchesAskingEachRule(test: Case) throws {
        for off in [[], Self.owners.map(\.id)] {
            var direct: [String] = []
            try walk(test, off: off) { statement, _, perRule in
                for entry in perRule where !off.contains(entry.rule.id) {
                    direct += entry.violations.map { "\(entry.rule.id) \(statement.index) \($0.range) \($0.message)" }
                }
            }
            var configuration = Configuration()
            configuration.replicatedTables = test.replicatedTables
            for id in off { configuration.ruleSettings[id] = .off }
            var linter = Linter(rules: RuleRegistry.all, configuration: configuration)
            linter.baselines = test.baselines
            let document = try SQLDocument(path: "m.sql", text: test.sql)
            let viaEngine = linter.lint(document).filter { $0.category == .replication }
            let statementOf = { (range: Range<Int>) in document.statements.first { $0.range == range }?.index ?? -1 }
            // File-level findings (`checkFile`: two apply-order declarations) are not the statements' business.
            let engine = viaEngine.filter { statementOf($0.range) >= 0 }
                .map { "\($0.ruleID) \(statementOf($0.range)) \($0.range) \($0.message)" }
            let directReplication = direct.filter { $0.hasPrefix("replication-") }
            #expect(engine.sorted() == directReplication.sorted(), "\(test.name), off: \(off)")
        }
    }

    @Test func theSampleMigrationsLoadTheirBaselines() {
        #expect(Self.cases.filter { $0.name.hasSuffix(".sql") && $0.baselines != nil }.count == 3)
    }

    @Test func theCorpusHasOrderedChangesOfEveryOwner() throws {
        var owning = Set<RuleID>()
        for test in Self.cases {
            try walk(test) { _, _, perRule in
                for entry in perRule where entry.changes.contains(where: { $0.order != .either }) { owning.insert(entry.rule.id) }
            }
        }
        #expect(owning.isSuperset(of: ["replication-apply-order", "replication-rename", "replication-add-required-column",
                                       "replication-column-list", "replication-data-migration", "replication-partition-change"]), "\(owning)")
    }

    @Test(arguments: cases)
    func everyOrderedChangeIsReportedByExactlyOneRule(test: Case) throws {
        try walk(test) { statement, context, perRule in
            let changes = perRule.flatMap(\.changes)
            let commands = changes.map(\.command)
            #expect(Set(commands).count == commands.count,
                    "\(test.name): line \(statement.location.line) has a command two rules claim: \(changes.map { "\($0.command) \($0.rule)" })")
            for entry in perRule {
                #expect(entry.changes.allSatisfy { $0.rule == entry.rule.id && $0.statement == statement.index })
                let hazards = entry.changes.filter { $0.order != .either }
                if entry.rule.id == "replication-apply-order" {
                    // Everything else is on, so apply-order reports exactly its own changes that the file's order contradicts.
                    #expect(entry.violations.count == contradicting(hazards, context.declaration.order).count,
                            "\(test.name): line \(statement.location.line): \(entry.violations.map(\.message)) for \(hazards.map(\.reason))")
                } else {
                    let reported = entry.violations.filter { $0.range == statement.range }
                    #expect(reported.count >= hazards.count,
                            "\(test.name): line \(statement.location.line): \(entry.rule.id) declares \(hazards.map(\.reason)) but reports \(reported.map(\.message))")
                }
            }
        }
    }

    /// An owner turned off cannot speak for its changes: apply-order reports
    /// those the file's order contradicts, as it always has.
    @Test(arguments: cases)
    func applyOrderSpeaksForOwnersThatAreOff(test: Case) throws {
        try walk(test, off: Self.owners.map(\.id)) { statement, context, perRule in
            let expected = contradicting(perRule.flatMap(\.changes), context.declaration.order)
            let reported = perRule.first { $0.rule.id == "replication-apply-order" }?.violations ?? []
            #expect(reported.count == expected.count,
                    "\(test.name): line \(statement.location.line): \(reported.map(\.message)) for \(expected.map(\.reason))")
        }
    }

    func applyOrderMessages(_ sql: String, off: [RuleID]) throws -> [String] {
        let document = try SQLDocument(path: "m.sql", text: sql)
        var configuration = Configuration()
        for id in off { configuration.ruleSettings[id] = .off }
        var linter = Linter(rules: RuleRegistry.all, configuration: configuration)
        linter.baselines = try Baselines.fromSQL(MigrationPlanTests.baseline)
        return linter.lint(document).filter { $0.ruleID == "replication-apply-order" }.map(\.message)
    }

    @Test func aRenameIsApplyOrdersOnlyWhenReplicationRenameIsOff() throws {
        let sql = "ALTER TABLE hbi.hosts RENAME COLUMN tags TO labels;"
        #expect(try applyOrderMessages(sql, off: []).isEmpty)
        #expect(try applyOrderMessages(sql, off: ["replication-rename"])
                == ["this statement breaks replication in both orders: a rename breaks replication whichever side goes first"])
    }

    @Test func aDataChangeIsApplyOrdersOnlyWhenReplicationDataMigrationIsOff() throws {
        let sql = "UPDATE hbi.hosts SET tags = NULL WHERE id IS NULL;"
        #expect(try applyOrderMessages(sql, off: ["replication-rename"]).isEmpty)
        let messages = try applyOrderMessages(sql, off: ["replication-data-migration"])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("this statement must reach the publisher first (data changes replicate: run them on the publisher only)") == true)
    }

    @Test func aNotNullColumnWithoutDefaultIsApplyOrdersOnlyWhenItsRuleIsOff() throws {
        let sql = "ALTER TABLE hbi.hosts ADD COLUMN org text NOT NULL;"
        #expect(try applyOrderMessages(sql, off: []).isEmpty)
        #expect(try applyOrderMessages(sql, off: ["replication-add-required-column"])
                == ["this statement breaks replication in both orders: `org` is NOT NULL without a default"])
    }
}
