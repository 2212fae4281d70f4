/// A SQL file read for linting, loading or running: log output found and
/// blanked, statements split on libpg_query's tokens and each parsed on its
/// own, so one bad statement costs one finding and nothing else.
public final class SQLDocument: Sendable {
    public let file: SourceFile
    public let statements: [Statement]
    public let comments: [Comment]
    public let logBlocks: [LogBlock]
    public let metaCommands: [MetaCommand]
    /// `COPY ... FROM stdin` data, each block through its `\.` line.
    public let copyData: [Range<Int>]
    /// A `copyData` block without its `\.` line: it runs to the end of the file.
    public let unterminatedCopyData: Range<Int>?
    /// Text that belongs to no statement: the scanner gave up inside it.
    public let stretches: [UnsplitStretch]

    public init(_ file: SourceFile) {
        self.file = file
        let cleaned = SourceCleaner.clean(file)
        let split = StatementSplitter.split(cleaned.bytes, from: file.contentStart)
        let comments = split.comments.map { Comment(range: $0, text: file.text($0)) }
        var statements: [Statement] = []
        statements.reserveCapacity(split.spans.count)
        var commentIndex = 0
        var previousEnd = 0
        for span in split.spans {
            var leading: [Comment] = []
            while commentIndex < comments.count && comments[commentIndex].range.lowerBound < span.range.lowerBound {
                if comments[commentIndex].range.lowerBound >= previousEnd { leading.append(comments[commentIndex]) }
                commentIndex += 1
            }
            let parsed = Parser.parse(cleaned.bytes, range: span.range)
            var node: Node?, failure: ParseFailure?
            switch parsed {
            case .success(let tree): node = tree.statements.first
            case .failure(let f): failure = ParseFailure(message: f.message, offset: span.range.lowerBound + f.offset, tooDeep: f.tooDeep)
            }
            statements.append(Statement(
                index: statements.count, range: span.range, fullRange: span.fullRange,
                location: file.location(of: span.range.lowerBound), text: file.text(span.range),
                leadingComments: leading, node: node, failure: failure))
            previousEnd = span.fullRange.upperBound
        }
        self.statements = statements
        self.comments = comments
        self.logBlocks = cleaned.logBlocks
        self.metaCommands = cleaned.metaCommands.map { MetaCommand(range: $0, text: file.text($0)) }
        self.copyData = cleaned.copyData
        self.unterminatedCopyData = cleaned.unterminatedCopyData
        self.stretches = split.stretches + SQLDocument.uncovered(cleaned.bytes, split)
    }

    public convenience init(path: String = "<string>", text: String) throws(SourceError) {
        self.init(try SourceFile(path: path, text: text))
    }

    /// Every byte must be blank, comment, blanked output, or inside exactly one
    /// statement; anything else is reported, never dropped.
    private static func uncovered(_ bytes: [UInt8], _ split: StatementSplitter.Result) -> [UnsplitStretch] {
        var covered = split.spans.map(\.fullRange) + split.comments + split.emptyStatements + split.stretches.map(\.range)
        covered.sort { $0.lowerBound < $1.lowerBound }
        var out: [UnsplitStretch] = []
        var position = 0
        func check(upTo end: Int) {
            var start: Int?
            for i in position..<max(position, end) where !StatementSplitter.isBlank(bytes[i]) {
                if start == nil { start = i }
            }
            if let s = start { out.append(UnsplitStretch(range: s..<end, message: "text that is not part of any statement")) }
        }
        for range in covered {
            check(upTo: range.lowerBound)
            position = max(position, range.upperBound)
        }
        check(upTo: bytes.count)
        return out
    }
}
