import Foundation
import Testing

/// `lint` writes its report file by file as the run goes; every format's
/// bytes must stay what the whole-report renderer printed before. The
/// expected files were printed by that renderer (see Tests/Fixtures/README.md).
@Suite struct StreamingOutputTests {
    static let folder = ReplintProcess.repository.appendingPathComponent("Tests/Fixtures/streaming")
    static let formats = ["text", "json", "sarif", "github", "gitlab", "junit", "markdown"]
    /// A fixed set of rules, so that a rule added elsewhere changes no expected file.
    static let rules = ["alembic-log-line", "alembic-version-table", "prefer-text-field", "replication-column-list",
                        "unused-suppression", "suppression-without-reason", "syntax-error", "ban-drop-table",
                        "replication-apply-order", "replication-rename", "empty-migration", "require-concurrent-index-creation"]
    /// A folder, a file `exclude:` skips (a note) and a missing one (an error).
    static let paths = ["sql/", "sql/10_excluded.sql", "missing.sql"]
    /// No GitHub Actions variables: they would add links to the Markdown.
    static let environment = ["GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": ""]

    static func lint(_ options: [String]) throws -> ReplintProcess.Outcome {
        try ReplintProcess.run(["lint", "--no-schema-cache", "--select", rules.joined(separator: ",")] + options + paths,
                               in: folder, environment: environment)
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("expected.\(name)"), encoding: .utf8)
    }

    /// SARIF's rule list is every rule's documentation, its version is
    /// replint's and its base URI the checkout's: none comes from the files
    /// linted, so the expected file holds placeholders for them.
    static func placeholders(sarif text: String) -> String {
        var out: [Substring] = []
        var inRules = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if inRules {
                guard line == "          ]" else { continue }
                inRules = false
            } else if line == "          \"rules\": [" {
                inRules = true
            } else if line.hasPrefix("          \"semanticVersion\": ") {
                out.append("          \"semanticVersion\": \"@VERSION@\",")
                continue
            } else if line.hasPrefix("          \"uri\": \"file://") {
                out.append("          \"uri\": \"@ROOT@\"")
                continue
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    @Test(arguments: StreamingOutputTests.formats, [1, 2, 3])
    func everyFormatPrintsWhatTheWholeReportPrinted(format: String, jobs: Int) throws {
        let r = try Self.lint(["--format", format, "--jobs", String(jobs)])
        #expect(r.status == 2, "an unreadable file and a missing one")
        #expect(r.stderr == "")
        let printed = format == "sarif" ? Self.placeholders(sarif: r.stdout) : r.stdout
        #expect(printed == (try Self.expected(format)), "--format \(format) --jobs \(jobs)")
    }

    @Test func theSarifPlaceholdersCoverOnlyWhatIsNotLinted() throws {
        let sarif = try Self.expected("sarif")
        #expect(sarif.contains("\"ruleId\": \"alembic-log-line\""))
        #expect(!sarif.contains("\"shortDescription\""), "the rule list is left out")
        #expect(sarif.components(separatedBy: "@").count == 5, "two placeholders")
    }

    @Test func outputFileGetsTheSameBytes() throws {
        let dir = try ReplintProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["text", "json"] {
            let file = dir.appendingPathComponent("report.\(format)")
            let r = try Self.lint(["--format", format, "--jobs", "2", "--output", file.path])
            #expect(r.status == 2)
            #expect(r.stdout == "")
            #expect(try String(contentsOf: file, encoding: .utf8) == (try Self.expected(format)))
        }
    }

    @Test func unwritableOutputFileFailsBeforeLinting() throws {
        let r = try Self.lint(["--output", "/nonexistent/folder/report.txt"])
        #expect(r.status != 0)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("/nonexistent/folder/report.txt"))
    }

    @Test(arguments: [1, 2])
    func sequencePrintsWhatItPrinted(jobs: Int) throws {
        let r = try Self.lint(["--sequence", "--jobs", String(jobs)])
        #expect(r.status == 2)
        #expect(r.stdout == (try Self.expected("sequence.text")))
    }
}
