import Testing
import Lint
import Rules

/// Every lock finding states what it predicts (table, lock mode, rewrite)
/// in a typed form, for `lint --rehearse` to check against the lock trace.
@Suite struct LockPredictionTests {
    /// Locking rules about a missing setting, a rerun, an index to add, statements
    /// to combine or data that may fail: not a lock a statement takes.
    static let withoutPrediction: Set<RuleID> = [.requireLockTimeout, .requireStatementTimeout, .preferRobustStmts,
                                                 .requireForeignKeyIndex, .preferSingleAlterTable, .existingRowsMayViolate]

    @Test(arguments: RuleExampleTests.rules.filter { $0.rule.description.category == .locking })
    func lockFindingsPredictTheirLock(box: RuleExampleTests.RuleBox) throws {
        for example in box.rule.description.triggeringExamples {
            let (sql, _) = example.unmarked
            let (_, found) = try RuleExampleTests().findings(box.rule, example, sql)
            for finding in found {
                let predicts = !finding.predictions.isEmpty
                #expect(predicts != Self.withoutPrediction.contains(box.rule.id),
                        "\(box.rule.id): \(finding.message) predicts \(finding.predictions)")
                #expect(finding.predictions.allSatisfy { $0.mode != nil || $0.rewrites != nil }, "\(box.rule.id): an empty prediction")
            }
        }
    }

    @Test func namesMatchTheTraceSpelling() {
        let qualified = LockPrediction(schema: "hbi", relation: "hosts", mode: .share)
        #expect(qualified.names("hbi.hosts"))
        #expect(!qualified.names("public.hosts"))
        let bare = LockPrediction(schema: nil, relation: "hosts", mode: .share)
        #expect(bare.names("public.hosts") && bare.names("hbi.hosts"))
        #expect(!bare.names("public.xhosts") && !bare.names("hosts"))
    }
}
