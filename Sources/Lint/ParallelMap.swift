#if canImport(Glibc)
import Glibc
#endif
import Dispatch

extension Array where Element: Sendable {
    /// `map` on up to `jobs` threads, results in the input's order.
    func parallelMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        forEachInOrder(jobs: jobs, transform) { results.append($0) }
        return results
    }

    /// Transforms the elements on up to `jobs` threads and hands each result
    /// to `each`, on the calling thread, in the input's order. At most
    /// `window` results are claimed and not yet handed on (the one `each`
    /// is handling included), so a run over many files holds a few files'
    /// results, not all of them. Each thread takes the next unclaimed index,
    /// so one slow file does not hold back a fixed share of the others.
    func forEachInOrder<T: Sendable>(jobs: Int, window: Int? = nil, _ transform: @Sendable (Element) -> T,
                                     each: (T) -> Void) {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else {
            for element in self { each(transform(element)) }
            return
        }
        let slots = OrderedWindow<T>(count: count, window: Swift.max(window ?? 2 * workers, workers))
        // `transform` outlives nothing: the workers are joined before this returns.
        withoutActuallyEscaping(transform) { transform in
            let elements = self
            let group = DispatchGroup()
            for _ in 0..<workers {
                DispatchQueue.global().async(group: group) { [transform] in
                    while let i = slots.claim() { slots.store(transform(elements[i]), at: i) }
                }
            }
            for i in 0..<count {
                each(slots.take(i))
                slots.handedOn(i)
            }
            group.wait()
        }
    }
}

/// The number of cores online, at least 1.
public func availableCores() -> Int {
    Swift.max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
}

/// The results between the workers and the one thread that hands them on:
/// index `i` may be claimed only while fewer than `window` claimed results
/// are still waiting or being handed on; a worker blocks until one is.
/// Unchecked because every field is read and written under `lock`.
private final class OrderedWindow<T: Sendable>: @unchecked Sendable {
    private let count: Int
    private let window: Int
    private var nextClaim = 0
    /// Every index below this one has been handed on.
    private var handed = 0
    private var ready: [Int: T] = [:]
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        changed.deallocate()
    }

    /// The next index to transform, once the window has room; nil when every index is claimed.
    func claim() -> Int? {
        locked {
            while nextClaim < count && nextClaim - handed >= window { pthread_cond_wait(changed, lock) }
            guard nextClaim < count else { return nil }
            defer { nextClaim += 1 }
            return nextClaim
        }
    }

    func store(_ value: T, at index: Int) {
        locked {
            ready[index] = value
            pthread_cond_broadcast(changed)
        }
    }

    /// Index `index`'s result, once a worker has stored it.
    func take(_ index: Int) -> T {
        locked {
            while ready[index] == nil { pthread_cond_wait(changed, lock) }
            return ready.removeValue(forKey: index)!
        }
    }

    /// `index`'s result is done with: its place in the window is free.
    func handedOn(_ index: Int) {
        locked {
            handed = index + 1
            pthread_cond_broadcast(changed)
        }
    }

    private func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }
}
