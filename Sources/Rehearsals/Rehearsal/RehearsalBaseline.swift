import Lint
import SQLSource

/// The baseline a rehearsal loaded before a file, and why: every rehearsal
/// report names it, since a rehearsal on the wrong side's schema proves
/// little.
public struct RehearsalBaseline: Sendable, Equatable {
    public enum Side: String, Sendable {
        case publisher, subscriber
    }

    /// Where a baseline's files were named.
    public enum Origin: Sendable {
        /// `--schema` (or `--subscriber-schema` for the subscriber's).
        case commandLine
        /// `schema:` in the configuration.
        case configuration
    }

    /// Loaded in this order; empty when nothing was loaded.
    public let files: [String]
    /// The side these files describe; nil when one baseline serves both, or none.
    public let side: Side?
    public let reason: String

    public init(files: [String], side: Side?, reason: String) {
        self.files = files
        self.side = side
        self.reason = reason
    }

    /// `files, reason` on one line, for the text reports.
    public var summary: String {
        (files.isEmpty ? "none" : files.joined(separator: ", ")) + " (\(reason))"
    }
}

/// DESIGN.md's rule for the single-database rehearsal: `--schema` on the
/// command line is loaded wherever the rehearsal runs; a `--database-url`
/// database is assumed to hold its schema already; otherwise the configured
/// baseline of the side the file's declared order reaches first (the
/// subscriber's for a subscriber-first file, the publisher's for a
/// publisher-first one).
struct BaselineSelection: Sendable {
    let commandLine: [String]
    let onNamedDatabase: Bool
    let configuration: Configuration

    init(_ options: Rehearsal.Options) {
        commandLine = options.schemaFiles
        onNamedDatabase = options.databaseURL != nil
        configuration = options.configuration
    }

    /// The baseline when it is the same for every file; nil when it depends
    /// on each file's declared order.
    var fileIndependent: RehearsalBaseline? {
        if !commandLine.isEmpty { return .init(files: commandLine, side: nil, reason: "given with --schema") }
        if onNamedDatabase {
            return .init(files: [], side: nil, reason: "--database-url: that database is assumed to hold its schema "
                         + "already; --schema loads one into the rehearsal's transaction")
        }
        let configured = configuration.resolvedBaselines
        if configured.publisher.isEmpty {
            return .init(files: [], side: nil, reason: "no --schema and no `schema:` in the configuration")
        }
        if configured.subscriber == nil {
            return .init(files: configured.publisher, side: nil, reason: "the configuration's `schema:`, one baseline for both sides")
        }
        return nil
    }

    func baseline(for document: SQLDocument) -> RehearsalBaseline {
        if let fixed = fileIndependent { return fixed }
        let configured = configuration.resolvedBaselines
        let declaration = ApplyOrderDeclaration(document: document, configuration: configuration)
        let side: RehearsalBaseline.Side = declaration.order == .publisherFirst ? .publisher : .subscriber
        let files = side == .publisher ? configured.publisher : configured.subscriber ?? configured.publisher
        return .init(files: files, side: side,
                     reason: "the \(side.rawValue)'s baseline: the file is declared \(declaration.order.rawValue) "
                     + "(\(declaration.source.rawValue)), so it reaches the \(side.rawValue) first")
    }
}

extension RehearsalBaseline {
    /// What a replication rehearsal loads on each side.
    static func sides(_ options: ReplicationRehearsal.Options) -> [RehearsalBaseline] {
        func named(_ origin: Origin, _ option: String) -> String {
            origin == .commandLine ? "given with \(option)" : "the configuration's `schema:`"
        }
        let publisher = RehearsalBaseline(
            files: options.schemaFiles, side: .publisher,
            reason: options.schemaFiles.isEmpty ? "no --schema and no `schema:` in the configuration"
                : named(options.schemaOrigin, "--schema"))
        let subscriber: RehearsalBaseline
        if let own = options.subscriberSchemaFiles {
            subscriber = .init(files: own, side: .subscriber, reason: "its own: " + named(options.subscriberSchemaOrigin, "--subscriber-schema"))
        } else {
            subscriber = .init(files: options.schemaFiles, side: .subscriber,
                               reason: "the publisher's: no subscriber baseline (--subscriber-schema, or `schema: {publisher, subscriber}`)")
        }
        return [publisher, subscriber]
    }
}
