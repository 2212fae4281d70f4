import FuzzSupport
import Lint
import Rules
import YAMLTree

/// libFuzzer's entry: the input is a `.replint.yml`. Every YAML document in
/// it is read into a tree, and the file is loaded as the linter loads its
/// configuration; a bad one must be a ConfigurationError, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var total = (try? YAMLDocument.parse(String(decoding: bytes, as: UTF8.self)))?.count ?? 0
    let path = FuzzScratch.shared.write(".replint.yml", bytes)
    do {
        let configuration = try ConfigurationLoader.load(path: path, knownRules: RuleRegistry.ids, aliases: RuleRegistry.aliases)
        total &+= configuration.ruleSettings.count &+ configuration.exclude.count &+ configuration.baselineFiles.count
    } catch let error as ConfigurationError {
        total &+= error.description.utf8.count
    } catch {
        fatalError("the configuration loader threw something other than a ConfigurationError: \(error)")
    }
    keep(total)
    return 0
}
