import Foundation
import SQLSource
import Testing
@testable import Schema

struct CatalogCacheTests {
    @Test func aStoredBaselineLoadsBackEqual() throws {
        let directory = NSTemporaryDirectory() + "replint-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = CatalogCache(directory: directory + "/nested/replint", toolVersion: "test")
        let path = "\(repositoryRoot)/Tests/Fixtures/pgdump/rich-schema.sql"
        let bytes = try SourceFile.readBytes(path: path)
        let key = cache.key(contents: [bytes], searchPath: ["public"])
        #expect(cache.load(key: key) == nil)

        let built = try Baselines.load(publisher: [path], searchPath: ["public"], cache: cache)
        let cached = try #require(cache.load(key: key))
        #expect(cached.catalog == built.publisher.catalog)
        #expect(cached.appliedCount == built.publisher.appliedCount)
        let again = try Baselines.load(publisher: [path], searchPath: ["public"], cache: cache)
        #expect(again.publisher.catalog == built.publisher.catalog)
    }

    @Test func theKeyChangesWithContentSearchPathAndVersion() {
        let a = CatalogCache(directory: "/nonexistent", toolVersion: "1")
        let b = CatalogCache(directory: "/nonexistent", toolVersion: "2")
        let content: [[UInt8]] = [Array("CREATE TABLE t (a int);".utf8)]
        let key = a.key(contents: content, searchPath: ["public"])
        #expect(key == a.key(contents: content, searchPath: ["public"]))
        #expect(key != a.key(contents: [Array("CREATE TABLE t (b int);".utf8)], searchPath: ["public"]))
        #expect(key != a.key(contents: content, searchPath: ["hbi"]))
        #expect(key != b.key(contents: content, searchPath: ["public"]))
        #expect(key != a.key(contents: [Array("CREATE TABLE t ".utf8), Array("(a int);".utf8)], searchPath: ["public"]))
    }

    @Test func aBaselineWithSyntaxErrorsIsNotCachedAndReportsItsLine() throws {
        let directory = NSTemporaryDirectory() + "replint-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "-bad.sql"
        try "CREATE TABLE a (id int);\nCREATE TABLE b (id int,, x);\nCREATE TABLE c (id int);\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let cache = CatalogCache(directory: directory, toolVersion: "test")
        let loaded = try Baselines.load(publisher: [file], searchPath: ["public"], cache: cache)
        #expect(loaded.syntaxErrors.count == 1)
        #expect(loaded.syntaxErrors.first?.location.line == 2)
        #expect(loaded.syntaxErrors.first?.path == file)
        #expect(loaded.publisher.catalog.tables.keys.map(\.name).sorted() == ["a", "c"], "loading goes on after the bad statement")
        #expect(cache.load(key: cache.key(contents: [try SourceFile.readBytes(path: file)], searchPath: ["public"])) == nil)
    }

    @Test func aMissingBaselineNamesTheFile() {
        #expect(throws: SourceError.self) { try Baselines.load(publisher: ["/nonexistent/schema.sql"], searchPath: ["public"]) }
    }

    @Test func warningsSurviveTheCacheAndAGarbledEntryIsIgnored() throws {
        let directory = NSTemporaryDirectory() + "replint-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "-contradicting.sql"
        try "CREATE TABLE a (id int);\nDROP TABLE nope;\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let cache = CatalogCache(directory: directory, toolVersion: "test")
        let built = try Baselines.load(publisher: [file], searchPath: ["public"], cache: cache)
        let key = cache.key(contents: [try SourceFile.readBytes(path: file)], searchPath: ["public"])
        let cached = try #require(cache.load(key: key))
        #expect(cached.warnings == built.publisher.warnings)
        #expect(cached.warnings.first?.location?.line == 2)

        try "replint catalog 2 but not really".write(toFile: "\(directory)/\(key).catalog", atomically: true, encoding: .utf8)
        #expect(cache.load(key: key) == nil)
        #expect(try Baselines.load(publisher: [file], searchPath: ["public"], cache: cache).publisher.catalog == built.publisher.catalog)
    }
}
