import SQLSource

extension Baselines {
    /// A baseline for each side given as SQL text (rule examples, tests);
    /// `subscriber` nil: one baseline for both.
    public static func fromSQL(_ publisher: String, subscriber: String?, searchPath: [String] = ["public"]) throws(SourceError) -> Baselines {
        guard let subscriber else { return try fromSQL(publisher, searchPath: searchPath) }
        func load(_ path: String, _ text: String) throws(SourceError) -> LoadedBaseline {
            BaselineLoader.load(documents: [try SQLDocument(path: path, text: text)], searchPath: searchPath)
        }
        return Baselines(publisher: try load("publisher.sql", publisher), subscriber: try load("subscriber.sql", subscriber),
                         isShared: false, publisherPaths: ["publisher.sql"], subscriberPaths: ["subscriber.sql"])
    }
}
