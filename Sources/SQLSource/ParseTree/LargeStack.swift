#if canImport(Glibc)
import Glibc
#endif

/// Runs work on a thread of its own whose stack is sized for it. libpg_query
/// and protobuf-c recurse once per level of a statement's nesting (about 2 KB
/// a level), so a statement a few thousand levels deep overflows an ordinary
/// 8 MB stack. The stack is address space reserved with `MAP_NORESERVE`:
/// memory is only used as deep as the work goes, so a generous size costs a
/// shallow statement nothing but the thread.
enum LargeStack {
    /// Below this many bytes a stack is not worth a thread of its own.
    static let smallest = 16 << 20

    static func run<R>(bytes requested: Int, _ work: () -> R) -> R {
        var result: R?
        withoutActuallyEscaping({ result = work() }) { body in
            let job = Job(body)
            var size = max(requested, smallest)
            while size >= smallest && !spawn(job, stackBytes: size) { size /= 2 }
            // No address space for a stack of its own: the caller's must do.
            if size < smallest { body() }
        }
        return result!
    }

    private final class Job: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// The thread is joined before this returns, so `job` outlives it.
    private static func spawn(_ job: Job, stackBytes size: Int) -> Bool {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = (size + page - 1) / page * page
        let memory = mmap(nil, length, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | Int32(MAP_STACK), -1, 0)
        guard let memory, memory != MAP_FAILED else { return false }
        defer { munmap(memory, length) }
        // A guard page at the low end: an overflow stops there instead of in other memory.
        mprotect(memory, page, PROT_NONE)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstack(&attributes, memory + page, length - page) == 0 else { return false }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let started = pthread_create(&thread, &attributes, { context in
            let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
            job.work()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        pthread_join(thread, nil)
        return true
    }
}
