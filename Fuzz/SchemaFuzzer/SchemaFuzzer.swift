import FuzzSupport
import SQLSource
import Schema

/// libFuzzer's entry: the input is a schema file. It is loaded as a baseline
/// (every statement the model knows applied), applied again as a migration
/// over that baseline, rendered as text and JSON, and sent through the
/// catalogue cache and back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? SourceFile(path: "schema.sql", bytes: bytes) else { return 0 }
    let document = SQLDocument(file)
    let loaded = BaselineLoader.load(documents: [document], searchPath: ["public"])
    var model = MigratedModel(baselines: nil, searchPath: ["public"])
    model.apply(document)
    model.apply(document)
    let renderer = CatalogRenderer(catalog: loaded.catalog, configuredTables: nil)
    var total = renderer.text().utf8.count &+ renderer.json().utf8.count
    total &+= CatalogRenderer(catalog: model.publisher, configuredTables: ["public.t"]).text().utf8.count
    let cache = CatalogCache(directory: FuzzScratch.shared.directory, toolVersion: "fuzz")
    let key = cache.key(contents: [bytes], searchPath: ["public"])
    cache.store(loaded, key: key)
    // The cache keeps only baselines without syntax errors, and must give
    // those back as they were, or a cached lint differs from a fresh one.
    if loaded.syntaxErrors.isEmpty {
        guard let back = cache.load(key: key), back.catalog == loaded.catalog else {
            fatalError("the catalogue cache did not give back the catalogue it stored")
        }
    }
    total &+= loaded.warnings.count &+ model.warnings.count
    keep(total)
    return 0
}
