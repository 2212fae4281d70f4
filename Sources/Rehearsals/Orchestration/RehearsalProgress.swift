/// Where a rehearsal is, for someone watching a terminal: each phase as it
/// begins. The library only names the phase; the command decides whether it
/// is shown (stderr a terminal, a human format) and adds the elapsed time.
public struct RehearsalProgress: Sendable {
    private let report: @Sendable (String) -> Void

    public init(_ report: @escaping @Sendable (String) -> Void) {
        self.report = report
    }

    /// Says nothing: the default, and what machine formats get.
    public static let silent = RehearsalProgress { _ in }

    func phase(_ text: String) { report(text) }
}
