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
