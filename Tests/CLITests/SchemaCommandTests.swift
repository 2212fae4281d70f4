import Foundation
import Testing

@Suite struct SchemaCommandTests {
    let sides = ReplintProcess.repository.appendingPathComponent("Tests/Fixtures/schema-sides")

    /// The document with both sides is built from the renderer's JSON values
    /// by the one writer; its bytes are those the command has always printed.
    @Test func bothSidesAsJSONAreByteForByteUnchanged() throws {
        let r = try ReplintProcess.run(["schema", "--format", "json", "--no-schema-cache", "migration.sql"], in: sides)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try String(contentsOf: sides.appendingPathComponent("expected.json"), encoding: .utf8)
        #expect(r.stdout == expected)
    }

    /// Each side nested as it prints on its own, two spaces further in.
    @Test func eachSideIsTheOneSidedDocumentIndented() throws {
        let both = try ReplintProcess.run(["schema", "--format", "json", "--no-schema-cache", "migration.sql"], in: sides)
        var parts: [String] = []
        for file in ["publisher.sql", "subscriber.sql"] {
            let one = try ReplintProcess.run(["schema", "--format", "json", "--no-schema-cache", "--schema", file], in: sides)
            #expect(one.status == 0, "\(one.stderr)")
            parts.append(one.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n  "))
        }
        // The subscriber side gets the migration too, so compare the baseline-only documents.
        let baselineOnly = try ReplintProcess.run(["schema", "--format", "json", "--no-schema-cache"], in: sides)
        #expect(baselineOnly.stdout == "{\n  \"publisher\": \(parts[0]),\n  \"subscriber\": \(parts[1])\n}\n")
        #expect(both.stdout != baselineOnly.stdout)
    }
}
