#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Milliseconds on the monotonic clock, which wall-clock changes cannot skew.
package struct Stopwatch {
    private let start = Stopwatch.now()

    package init() {}

    package var elapsedMilliseconds: Double { (Stopwatch.now() - start) / 1_000_000 }

    package static func format(_ milliseconds: Double) -> String {
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
