/// A source line as every report shows it, made in this one place: passwords
/// masked, tabs as single spaces (so a caret counted in columns lines up), and
/// a long line cut to a window around the spot, so that a 200 KB line of
/// generated SQL costs a report one screen line.
public struct Excerpt: Sendable, Equatable {
    public let text: String
    /// 1-based column in `text` where the marked stretch starts, and its width (at least 1).
    public let column: Int
    public let width: Int
}

extension SourceFile {
    /// Scalars of a line shown whole; a longer one is cut around the spot.
    public static let excerptWidth = 160

    /// Line `line` (1-based) with columns `column..<endColumn` marked (to the
    /// end of the line when `endColumn` is nil), in Unicode-scalar columns.
    public func excerpt(line: Int, column: Int, endColumn: Int?) -> Excerpt {
        let original = Array(text(lines.range(ofLine: line, in: bytes)).unicodeScalars).map { $0 == "\t" ? " " : $0 }
        let masked = ConnectionSecrets.replacing(ConnectionSecrets.secretRanges(in: original), in: original)
        let scalars = Array(masked.text.unicodeScalars)
        let start = min(masked.offset(max(0, column - 1)), scalars.count)
        let end = max(start + 1, endColumn.map { masked.offset(max(0, $0 - 1)) } ?? scalars.count)
        let limit = Self.excerptWidth
        guard scalars.count > limit else {
            return Excerpt(text: String(scalars: scalars), column: start + 1, width: end - start)
        }
        let from = max(0, min(start - limit / 2, scalars.count - limit))
        let to = from + limit
        let lead = from > 0 ? "..." : "", tail = to < scalars.count ? "..." : ""
        let shown = lead + String(scalars: scalars[from..<to]) + tail
        return Excerpt(text: shown, column: start - from + 1 + lead.count, width: max(1, min(end, to) - start))
    }
}
