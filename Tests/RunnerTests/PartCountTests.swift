import Testing
import SQLSource
@testable import Runner

/// The runner's log counts parts in words a person would write.
@Suite struct PartCountTests {
    @Test func onePartIsNotOneParts() throws {
        #expect(PartDescription.count(1) == "one part")
        #expect(PartDescription.count(3) == "3 parts")
        // Alembic's shape around one autocommit block, with empty transactions on either side.
        let onlyABlock = try ExecutionPlan(SQLDocument(path: "m.sql", text: "BEGIN;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;\nCOMMIT;\n"))
        try #require(onlyABlock.steps.count == 1, "\(onlyABlock.steps.map(\.isTransaction))")
        let text = PartDescription.inParts(onlyABlock)
        #expect(text.contains("applied in one part that commits on its own"), "\(text)")
        #expect(!text.contains("1 parts"))
    }
}
