#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SQLSource

/// Milliseconds on the monotonic clock, which wall-clock changes cannot skew.
struct Stopwatch {
    private let start = Stopwatch.now()

    var elapsedMilliseconds: Double { (Stopwatch.now() - start) / 1_000_000 }

    static func format(_ milliseconds: Double) -> String {
        milliseconds < 10 ? "\((milliseconds * 100).rounded() / 100) ms"
            : milliseconds < 10_000 ? "\(Int(milliseconds.rounded())) ms"
            : "\((milliseconds / 100).rounded() / 10) s"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) * 1_000_000_000 + Double(time.tv_nsec)
    }
}

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
