import Testing
@testable import Lint

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("lnt", ["lint", "fix", "rules", "explain", "schema", "plan", "run", "rehearse"], "lint"),
        ("rehers", ["lint", "rehearse", "run"], "rehearse"),
        ("replication-renam", ["replication-rename", "replication-trigger"], "replication-rename"),
        ("REPLICATION-TRIGER", ["replication-rename", "replication-trigger"], "replication-trigger"),
        ("xyz", ["lint", "fix"], nil),
        ("completely-different", ["replication-rename"], nil),
    ] as [(String, [String], String?)])
    func closest(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test func distance() {
        #expect(Suggestion.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(Suggestion.distance([], Array("abc".unicodeScalars)) == 3)
        #expect(Suggestion.distance(Array("same".unicodeScalars), Array("same".unicodeScalars)) == 0)
    }

    @Test func didYouMean() {
        #expect(Suggestion.didYouMean("lnt", among: ["lint"]) == " (did you mean `lint`?)")
        #expect(Suggestion.didYouMean("xyz", among: ["lint"]) == "")
    }
}

@Suite struct PathTests {
    @Test(arguments: [
        ("/r/app_migrations", "/r/app_migrations", "."),
        ("/r", "/r/app_migrations", "app_migrations"),
        ("/r/docs", "/r/app_migrations", "../app_migrations"),
        ("/r/a/b", "/r/app_migrations", "../../app_migrations"),
        ("/", "/r/app_migrations", "r/app_migrations"),
    ])
    func relative(from: String, to: String, expected: String) {
        #expect(relativePath(from: from, to: to) == expected)
    }

    @Test func globsAreRelativeToTheConfigurationsFolder() {
        var config = Configuration()
        config.baseDirectory = "/r"
        #expect(config.matches("app_migrations/legacy/**", path: "/r/app_migrations/legacy/a.sql"))
        #expect(!config.matches("legacy/**", path: "/r/app_migrations/legacy/a.sql"))
        #expect(config.matches("/r/app_migrations/legacy/**", path: "/r/app_migrations/legacy/a.sql"))
        #expect(config.matches("**/legacy/**", path: "/elsewhere/legacy/a.sql"))
        #expect(!config.matches("app_migrations/legacy/**", path: "/elsewhere/app_migrations/legacy/a.sql"))
    }

    @Test func theDefaultFolderWithoutAConfigurationIsTheWorkingDirectorysOwn() {
        #expect(Configuration().defaultMigrationPaths == ["app_migrations/"])
    }
}
