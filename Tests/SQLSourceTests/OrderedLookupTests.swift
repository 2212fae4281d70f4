import Testing
@testable import SQLSource

/// The binary searches against the linear questions they replace.
@Suite struct OrderedLookupTests {
    @Test func containingRangesAgreeWithAScanOfEveryRange() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let ranges = (0..<Int.random(in: 0...8, using: &generator)).map { _ -> Range<Int> in
                let start = Int.random(in: 0...40, using: &generator)
                return start..<start + Int.random(in: 0...15, using: &generator)
            }
            let lookup = ContainingRanges(ranges)
            for start in 0...50 {
                for length in 0...6 {
                    let probe = start..<start + length
                    let expected = ranges.contains { $0.lowerBound <= probe.lowerBound && probe.upperBound <= $0.upperBound }
                    #expect(lookup.contain(probe) == expected, "\(ranges) \(probe)")
                }
            }
        }
    }

    @Test func theStatementHoldingAnOffsetIsTheOneAScanFinds() throws {
        let file = try SourceFile(path: "m.sql", text: "-- lead\nSELECT 1;\n\n/* c */ SELECT 2; SELECT 3;\nSELECT")
        let document = SQLDocument(file)
        for offset in 0...file.bytes.count + 1 {
            let scanned = document.statements.first { $0.fullRange.contains(offset) }
            #expect(document.statement(containing: offset)?.index == scanned?.index, "offset \(offset)")
        }
    }
}
