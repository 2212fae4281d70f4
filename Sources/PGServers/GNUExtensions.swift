#if canImport(Glibc)
import Glibc

/// glibc functions declared only under _GNU_SOURCE, which Swift's Glibc
/// module does not define; looked up at run time instead.
enum GNUExtensions {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let pipe2Function: Pipe2? = lookUp("pipe2")
    private static let addChdirFunction: AddChdir? = lookUp("posix_spawn_file_actions_addchdir_np")

    /// pipe(2) with O_CLOEXEC set atomically, so a child spawned by another
    /// thread at the same moment cannot inherit either end.
    static func closeOnExecPipe(_ ends: UnsafeMutablePointer<Int32>) -> Int32 {
        if let pipe2Function { return pipe2Function(ends, O_CLOEXEC) }
        guard pipe(ends) == 0 else { return -1 }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    /// Returns false when this glibc (< 2.29) cannot change directory in the
    /// child; the child then inherits ours.
    @discardableResult
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Bool {
        guard let addChdirFunction else { return false }
        return addChdirFunction(actions, path) == 0
    }

    private static func lookUp<Function>(_ name: String) -> Function? {
        // RTLD_DEFAULT is a null handle on glibc.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
#endif
