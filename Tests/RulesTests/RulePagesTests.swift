import Testing
import Lint
import Rules
#if canImport(Glibc)
import Glibc
#endif

/// `rules/*.md` are generated from metadata (`make rules-docs`); a stale or
/// missing page fails here.
@Suite struct RulePagesTests {
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    func read(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyRuleHasAnUpToDatePage() {
        for rule in RuleRegistry.all {
            let path = "\(Self.repository)/rules/\(rule.id).md"
            let page = read(path)
            #expect(page != nil, "missing \(path): run `make rules-docs`")
            #expect(page == RuleDocumentation.page(rule.description), "stale \(path): run `make rules-docs`")
        }
    }

    @Test func indexListsEveryRule() {
        let index = read("\(Self.repository)/rules/README.md")
        #expect(index == RuleDocumentation.index(RuleRegistry.all.map(\.description)), "stale rules/README.md: run `make rules-docs`")
    }
}
