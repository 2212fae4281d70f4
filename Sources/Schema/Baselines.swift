import SQLSource

/// The schema each migration starts from, on both sides of the replication
/// pair. With one baseline both sides are the same model.
public struct Baselines: Sendable {
    public var publisher: LoadedBaseline
    public var subscriber: LoadedBaseline
    /// True when one baseline stands for both sides.
    public var isShared: Bool
    public var publisherPaths: [String]
    public var subscriberPaths: [String]

    /// Loads `publisher` (and `subscriber`, when given) in order. An
    /// unreadable file throws, naming it.
    public static func load(publisher: [String], subscriber: [String]? = nil, searchPath: [String],
                            cache: CatalogCache? = nil) throws(SourceError) -> Baselines {
        let first = try load(publisher, searchPath: searchPath, cache: cache)
        guard let subscriber, subscriber != publisher else {
            return Baselines(publisher: first, subscriber: first, isShared: true, publisherPaths: publisher, subscriberPaths: publisher)
        }
        let second = try load(subscriber, searchPath: searchPath, cache: cache)
        return Baselines(publisher: first, subscriber: second, isShared: false, publisherPaths: publisher, subscriberPaths: subscriber)
    }

    /// One side's files, from the cache when their contents were built before.
    static func load(_ paths: [String], searchPath: [String], cache: CatalogCache?) throws(SourceError) -> LoadedBaseline {
        guard let cache else { return try BaselineLoader.load(paths: paths, searchPath: searchPath) }
        var files: [SourceFile] = []
        for path in paths { files.append(try SourceFile.read(path: path)) }
        let key = cache.key(contents: files.map(\.bytes), searchPath: searchPath)
        if let cached = cache.load(key: key) { return cached }
        let loaded = BaselineLoader.load(documents: files.map(SQLDocument.init), searchPath: searchPath)
        cache.store(loaded, key: key)
        return loaded
    }

    /// Every syntax error, once per file (a file shared by both sides is reported once).
    public var syntaxErrors: [BaselineSyntaxError] {
        isShared ? publisher.syntaxErrors : publisher.syntaxErrors + subscriber.syntaxErrors
    }

    public var warnings: [CatalogWarning] {
        isShared ? publisher.warnings : publisher.warnings + subscriber.warnings
    }
}
