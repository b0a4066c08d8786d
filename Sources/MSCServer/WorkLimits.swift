import Dispatch
import Synchronization

/// One kind of work (quick answers, or Monte Carlo and what is built on it) with its own slots
/// and its own bounded queue. Admission is decided before any of the request's work starts: a
/// full queue answers 429 with `Retry-After` at once, and no plan is built for a request that
/// will not run. Quick work has slots of its own, so no amount of Monte Carlo delays a central case.
actor WorkLane {
    let name: String
    let limit: Int
    let queueLimit: Int
    /// Seconds a refused client is told to wait (`Retry-After`).
    let retryAfterSeconds: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(name: String, limit: Int, queueLimit: Int, retryAfterSeconds: Int) {
        self.name = name
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
        self.retryAfterSeconds = max(1, retryAfterSeconds)
    }

    private func admit() async throws {
        if running < limit {
            running += 1
            return
        }
        guard waiting.count < queueLimit else {
            throw APIError(status: 429, "the server is busy with \(running) \(name) running and \(waiting.count) waiting; "
                           + "try again in \(retryAfterSeconds) s", retryAfterSeconds: retryAfterSeconds)
        }
        // The slot is handed over by `release`, so `running` already counts this job.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }

    /// Runs `work` on a worker thread once a slot is free. A job whose client left while it
    /// waited gives its slot straight back.
    func run<T: Sendable>(_ ticket: WorkTicket, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await admit()
        defer { release() }
        try ticket.checkNotCancelled()
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

/// Why a piece of work was stopped before it finished.
enum StopReason: Int, Sendable {
    case none = 0
    /// The client closed its connection: nobody is waiting for the answer.
    case clientGone
    /// The same page started a newer run.
    case replaced
    /// The server is shutting down.
    case shutdown
}

/// One request's work: asked to stop when its client goes, the same page starts a newer run, or
/// the server shuts down; the model's loops check it between chunks. Also carries the progress
/// the page shows.
final class WorkTicket: Sendable {
    private let reason = Atomic<Int>(StopReason.none.rawValue)
    let done = Atomic<Int>(0)
    let total = Atomic<Int>(0)
    let finished = Atomic<Bool>(false)

    var isCancelled: Bool { reason.load(ordering: .relaxed) != StopReason.none.rawValue }
    var stopReason: StopReason { StopReason(rawValue: reason.load(ordering: .relaxed)) ?? .none }

    /// Asks the work to stop; the first reason given is the one reported.
    func cancel(_ why: StopReason) {
        _ = reason.compareExchange(expected: StopReason.none.rawValue, desired: why.rawValue, ordering: .relaxed)
    }

    /// Throws the refusal that says why the work stopped, when it was asked to.
    func checkNotCancelled() throws {
        switch stopReason {
        case .none: return
        case .replaced: throw APIError(status: 409, "cancelled: a newer run from the same page replaced this one")
        case .clientGone: throw APIError(status: 499, "cancelled: the client closed the connection")
        case .shutdown: throw APIError(status: 503, "cancelled: the server is shutting down", retryAfterSeconds: 5)
        }
    }
}

/// Every request's work in progress, so that shutdown can stop all of it; and the Monte Carlo
/// runs of identified clients (the page sends `X-MSC-Client`), so that a new run from a page
/// cancels its previous one and its progress can be asked for.
final class WorkBoard: Sendable {
    private struct State {
        var active: [ObjectIdentifier: WorkTicket] = [:]
        var byClient: [String: WorkTicket] = [:]
        var shuttingDown = false
    }
    private let state = Mutex(State())

    /// A ticket for a new request's work; with `client`, it replaces that client's earlier run.
    func begin(client: String?) -> WorkTicket {
        let ticket = WorkTicket()
        state.withLock { state in
            if state.shuttingDown { ticket.cancel(.shutdown) }
            state.active[ObjectIdentifier(ticket)] = ticket
            guard let client else { return }
            state.byClient[client]?.cancel(.replaced)
            // Forget finished clients so the table cannot grow without bound.
            if state.byClient.count > 1000 { state.byClient = state.byClient.filter { !$0.value.finished.load(ordering: .relaxed) } }
            state.byClient[client] = ticket
        }
        return ticket
    }

    /// Marks the work finished and forgets it.
    func end(_ ticket: WorkTicket) {
        ticket.finished.store(true, ordering: .relaxed)
        _ = state.withLock { $0.active.removeValue(forKey: ObjectIdentifier(ticket)) }
    }

    func ticket(client: String) -> WorkTicket? { state.withLock { $0.byClient[client] } }

    /// Requests whose work is in progress now.
    var activeCount: Int { state.withLock { $0.active.count } }

    /// Stops every piece of work in progress and any started from now on.
    func cancelAll() {
        let tickets = state.withLock { state -> [WorkTicket] in
            state.shuttingDown = true
            return Array(state.active.values)
        }
        for ticket in tickets { ticket.cancel(.shutdown) }
    }
}
