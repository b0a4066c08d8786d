import Dispatch
import Synchronization

/// Task numbers handed out one at a time to worker threads. Each worker claims the next task when
/// it finishes one, so a thread on a slower core (on a shared host one CPU can run half as fast
/// again as the other) does fewer tasks rather than leaving the others idle at the end. Whatever
/// depends on a task's number alone, such as a Monte Carlo chunk's draws, is then the same
/// whichever worker runs it.
final class TaskClaims: Sendable {
    private let next: Atomic<Int>
    private let end: Int

    init(_ tasks: Range<Int>) {
        next = Atomic(tasks.lowerBound)
        end = tasks.upperBound
    }

    /// The next unclaimed task, or nil once every task is claimed.
    func claim() -> Int? {
        let task = next.add(1, ordering: .relaxed).oldValue
        return task < end ? task : nil
    }
}

/// Runs `work` for every task in `0..<count` on up to `workers` threads, each taking the next task
/// as it finishes one (``TaskClaims``), so tasks of uneven size share out evenly.
func forEachClaimed(_ count: Int, workers: Int, _ work: @Sendable (Int) -> Void) {
    let tasks = TaskClaims(0..<count)
    DispatchQueue.concurrentPerform(iterations: min(max(1, workers), max(1, count))) { _ in
        while let task = tasks.claim() { work(task) }
    }
}

/// Result slots filled by parallel tasks, each slot by exactly one task, then read once all are done.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = Mutex(())

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        // The lock is taken once per slot (a summary, an input's search, an EVPI job), so it
        // costs nothing that counts.
        lock.withLock { _ in slots[index] = value }
    }

    /// Every slot's value; each must have been set.
    func values() -> [Value] { lock.withLock { _ in slots.map { $0! } } }
}
