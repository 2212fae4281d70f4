#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place the command line writes to the terminal. Libraries never
/// print; they return reports and the commands hand the text here. Each call
/// is one unbuffered write(2) loop, so nothing is left in a stdio buffer when
/// a signal ends the process, and no global `FILE *` is shared between threads.
enum Console {
    static func out(_ text: String) { writeAll(text, to: STDOUT_FILENO) }
    static func err(_ text: String) { writeAll(text, to: STDERR_FILENO) }

    private static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
