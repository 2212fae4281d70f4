import SQLSource

/// `lint --sequence`: migration files in alembic's revision order, read from
/// each file's `-- Running upgrade A -> B` comments, so each is linted
/// against the schema the files before it leave. Nothing is guessed: a file
/// without a header, a merge revision, a fork or a gap is a problem.
public struct RevisionSequence: Sendable {
    public struct Step: Sendable {
        public let path: String
        public let document: SQLDocument
        /// The revision the file starts from ("" for alembic's base) and the one it ends at.
        public let from: String
        public let to: String
    }

    public private(set) var ordered: [Step] = []
    /// Files at or before the baseline's revision.
    public private(set) var skipped: [String] = []
    public private(set) var problems: [String] = []

    public init(_ documents: [(path: String, document: SQLDocument)], baseRevision: String?) {
        var steps: [Step] = []
        for (path, document) in documents {
            switch Self.header(document) {
            case .success(let (from, to)): steps.append(Step(path: path, document: document, from: from, to: to))
            case .failure(let problem): problems.append("\(path): \(problem.message)")
            }
        }
        var byStart: [String: Step] = [:]
        for step in steps {
            if let other = byStart[step.from] {
                problems.append("\(step.path) and \(other.path) both upgrade from `\(step.from)`: the revisions fork, and replint does not guess an order")
            }
            byStart[step.from] = step
        }
        let ends = Set(steps.map(\.to))
        let roots = steps.filter { !ends.contains($0.from) }
        guard roots.count == 1, let root = roots.first else {
            if !steps.isEmpty { problems.append("the files do not form one chain of revisions (\(roots.count) starting points: \(roots.map(\.path).joined(separator: ", ")))") }
            return
        }
        var chain: [Step] = []
        var next: Step? = root
        while let step = next, chain.count < steps.count {
            chain.append(step)
            next = byStart[step.to]
        }
        for step in steps where !chain.contains(where: { $0.path == step.path }) {
            problems.append("\(step.path) (`\(step.from)` -> `\(step.to)`) is not reached from the chain's start")
        }
        if let base = baseRevision, base != root.from {
            if let at = chain.firstIndex(where: { $0.to == base }) {
                skipped = chain[...at].map(\.path)
                chain.removeFirst(at + 1)
            } else {
                problems.append("schema_revision `\(base)` is not a revision any file upgrades to or from")
            }
        }
        ordered = chain
    }

    struct Problem: Error { let message: String }

    /// The first and last revision of a file's `-- Running upgrade A -> B` comments.
    static func header(_ document: SQLDocument) -> Result<(String, String), Problem> {
        let marker = "Running upgrade "
        var pairs: [(String, String)] = []
        for comment in document.comments {
            let body = comment.body
            guard body.hasPrefix(marker) else { continue }
            let parts = body.dropFirst(marker.count).split(separator: "->", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let from = parts[0].trimmed(), to = parts[1].trimmed()
            if from.contains(",") {
                return .failure(Problem(message: "merge revision `\(from) -> \(to)`: replint does not guess which branch comes first"))
            }
            pairs.append((from, to))
        }
        guard let first = pairs.first, let last = pairs.last else {
            return .failure(Problem(message: "no `-- Running upgrade A -> B` comment, so its place in the sequence is unknown"))
        }
        return .success((first.0, last.1))
    }
}
