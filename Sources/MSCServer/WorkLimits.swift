import Dispatch
import Synchronization

/// At most `limit` jobs at once; others wait in order, up to `queueLimit`, then get a 429.
actor WorkLimiter {
    let limit: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
    }

    private func wait() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `work` when a slot is free (or refuses at once when too many are waiting).
    func run<T: Sendable>(busyMessage: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        if running >= limit, waiting.count >= queueLimit { throw APIError(status: 429, busyMessage) }
        await wait()
        defer { release() }
        return try await offload(work)
    }
}

/// Runs CPU-bound model work on a Dispatch thread, not on Swift's cooperative pool, so a long
/// Monte Carlo never stalls the threads that answer other requests.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}

/// One client's Monte Carlo: cancelled when the same client starts another; progress for the page.
final class SimulationTicket: Sendable {
    let cancelled = Atomic<Bool>(false)
    let done = Atomic<Int>(0)
    let total = Atomic<Int>(0)
    let finished = Atomic<Bool>(false)

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

/// The Monte Carlo runs of identified clients (the page sends `X-MSC-Client`): a new run from a
/// client cancels its previous one, and its progress can be asked for.
final class SimulationBoard: Sendable {
    private let tickets = Mutex<[String: SimulationTicket]>([:])

    /// A ticket for a new run, cancelling the client's earlier run if one is still going.
    func begin(client: String?) -> SimulationTicket {
        let ticket = SimulationTicket()
        guard let client else { return ticket }
        tickets.withLock { map in
            map[client]?.cancelled.store(true, ordering: .relaxed)
            // Forget finished clients so the table cannot grow without bound.
            if map.count > 1000 { map = map.filter { !$0.value.finished.load(ordering: .relaxed) } }
            map[client] = ticket
        }
        return ticket
    }

    func ticket(client: String) -> SimulationTicket? { tickets.withLock { $0[client] } }
}
