import PGClient
import SQLSource

extension Statement {
    /// The file location of PostgreSQL's error position, a 1-based count of
    /// characters into the text that was sent (this statement's text).
    func fileLocation(ofServerPosition position: Int, in file: SourceFile) -> SourceLocation? {
        guard position >= 1 else { return nil }
        var byteOffset = 0
        var remaining = position - 1
        for scalar in text.unicodeScalars {
            guard remaining > 0 else { break }
            byteOffset += UTF8.width(scalar)
            remaining -= 1
        }
        guard remaining == 0 else { return nil }
        return file.location(of: range.lowerBound + byteOffset)
    }
}
