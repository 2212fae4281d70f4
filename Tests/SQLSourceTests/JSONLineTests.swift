import Testing
import SQLSource

/// The runner's JSON Lines use the one writer's one-line form: no spaces,
/// the same escaping as every other report.
@Suite struct JSONLineTests {
    @Test func oneLineWithoutSpaces() {
        let value = JSON.object([("a", .int(1)), ("b", .array([.string("x\n\"y\""), .null, .bool(true)])),
                                 ("c", .compactObject([("d", .number("1.5"))])), ("e", .array([])), ("f", .object([]))])
        #expect(value.renderedLine() == #"{"a":1,"b":["x\n\"y\"",null,true],"c":{"d":1.5},"e":[],"f":{}}"#)
    }
}
