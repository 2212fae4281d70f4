import Rehearsals
#if canImport(Glibc)
import Glibc
#endif

/// Rehearsal progress for a person at a terminal: each phase on stderr with
/// the seconds since the command started. Never when stderr is not a
/// terminal (a CI log, a pipe) and never for a machine format, whose
/// readers want the report alone.
enum TerminalProgress {
    static func make(humanFormat: Bool) -> RehearsalProgress {
        guard humanFormat, isatty(STDERR_FILENO) == 1 else { return .silent }
        let start = monotonicSeconds()
        return RehearsalProgress { phase in
            let tenths = Int(((monotonicSeconds() - start) * 10).rounded())
            Console.err("replint: [\(tenths / 10).\(tenths % 10)s] \(phase)\n")
        }
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
