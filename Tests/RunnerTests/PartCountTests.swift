import Testing
import SQLSource
@testable import Runner

/// The runner's log counts parts in words a person would write.
@Suite struct PartCountTests {
    @Test func onePartIsNotOneParts() throws {
        #expect(PartDescription.count(1) == "one part")
        #expect(PartDescription.count(3) == "3 parts")
        let onlyABlock = try ExecutionPlan(SQLDocument(path: "m.sql", text: "CREATE INDEX CONCURRENTLY i ON t (a);\n"))
        #expect(onlyABlock.steps.count == 1)
        let text = PartDescription.inParts(onlyABlock)
        #expect(text.contains("applied in one part that commits on its own"), "\(text)")
        #expect(!text.contains("1 parts"))
    }
}
