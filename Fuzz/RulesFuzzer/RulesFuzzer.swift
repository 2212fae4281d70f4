import FuzzSupport
import Lint
import Rules
import SQLSource
import Schema

/// The line that splits an input into a baseline (above) and a migration
/// (below); an input without it is a migration with no baseline.
let separator = Array("\n-- migration --\n".utf8)

/// Every rule on, whatever its default, so that none is left out.
let everyRule: Configuration = {
    var configuration = Configuration()
    for rule in RuleRegistry.all { configuration.ruleSettings[rule.id] = .warning }
    return configuration
}()

/// libFuzzer's entry: the rules engine over a parsed migration, every rule
/// enabled, with `--schema-strict`, over the baseline the input carries.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var migration = bytes[...]
    var linter = Linter(rules: RuleRegistry.all, configuration: everyRule, resolver: RuleRegistry.resolver)
    linter.schemaStrict = true
    if let cut = firstRange(of: separator, in: bytes) {
        migration = bytes[cut.upperBound...]
        let path = FuzzScratch.shared.write("baseline.sql", Array(bytes[..<cut.lowerBound]))
        linter.baselines = try? Baselines.load(publisher: [path], searchPath: ["public"])
    }
    guard let file = try? SourceFile(path: "migration.sql", bytes: Array(migration)) else { return 0 }
    let findings = linter.lint(SQLDocument(file))
    var total = 0
    for finding in findings { total &+= finding.message.utf8.count &+ finding.range.count }
    keep(total)
    return 0
}

func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
    }
    return nil
}
