#if canImport(Glibc)
import Glibc
#endif
import Dispatch

extension Array where Element: Sendable {
    /// `map` on up to `jobs` threads, results in the input's order. Each
    /// thread takes the next unclaimed index, so one slow file does not hold
    /// back a fixed share of the others.
    func parallelMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(Swift.max(jobs, 1), count)
        guard workers > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.claim(below: slots.count) { slots.store(transform(self[i]), at: i) }
        }
        return slots.collect()
    }
}

/// The number of cores online, at least 1.
public func availableCores() -> Int {
    Swift.max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
}

/// One slot per input, each written by exactly one thread before the
/// threads are joined; unchecked because the slots are disjoint.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    let count: Int
    private let slots: UnsafeMutablePointer<T?>
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func store(_ value: T, at index: Int) { slots[index] = value }
    func collect() -> [T] { (0..<count).map { slots[$0]! } }
}

import Synchronization

private final class NextIndex: Sendable {
    private let value = Atomic<Int>(0)
    func claim(below limit: Int) -> Int? {
        let i = value.add(1, ordering: .relaxed).oldValue
        return i < limit ? i : nil
    }
}
