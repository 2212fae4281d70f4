import SQLSource

/// What a rule may read about the file being linted.
public struct LintContext: Sendable {
    public let document: SQLDocument
    public let configuration: Configuration

    public init(document: SQLDocument, configuration: Configuration) {
        self.document = document
        self.configuration = configuration
    }

    public var file: SourceFile { document.file }
}
