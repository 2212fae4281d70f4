import Foundation
import Testing
import Lint
import Rules

/// A rule id is spelled once, in its rule's file; everything else uses the
/// typed `RuleID` or a finding's category.
@Suite struct RuleIDTests {
    @Test func eachIdIsSpelledOnlyInItsRulesFile() throws {
        let sources = RulePagesTests.repository + "/Sources"
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var spelledIn: [RuleID: [String]] = [:]
        // Aliases too: each is declared beside the rule it names.
        let ids = RuleRegistry.ids.union(RuleRegistry.aliases.canonical.keys)
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for id in ids where text.contains("\"\(id.rawValue)\"") { spelledIn[id, default: []].append(file) }
        }
        for id in ids {
            let found = spelledIn[id] ?? []
            #expect(found.count == 1 && found.allSatisfy { $0.hasPrefix("Rules/") && $0.hasSuffix("Rule.swift") },
                    "`\(id)` is spelled in \(found)")
        }
    }

    @Test func theEngineFindsTheRulesItReportsUnderByRole() {
        let roles = RuleRegistry.all.compactMap(\.engineRole)
        #expect(roles.count == 3)
        #expect(Set(roles.map { "\($0)" }).count == 3)
    }
}
