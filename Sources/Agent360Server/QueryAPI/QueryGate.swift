import Exposition
import Synchronization

/// Bounds how many PromQL queries of the HTTP API run at once (like
/// Prometheus's `--query.max-concurrency`) and how many may wait for a
/// slot, first come first served. Beyond that a query is refused at once
/// with 503, so a burst of heavy dashboard queries cannot pile up without
/// limit and take the machine from ingest.
///
/// The Kubernetes metrics APIs and rules do not pass through it: an HPA's
/// request must not queue behind someone's dashboard.
final class QueryGate: Sendable {
    let maxConcurrency: Int
    let maxQueued: Int
    /// Where admitted queries and the series and label reads run: a thread
    /// for each running query, a few more for the reads.
    let executor: EvaluationExecutor
    private let state = Mutex(State())

    private struct State {
        var running = 0
        var waiting: [(ticket: UInt64, resume: CheckedContinuation<Entry, Never>)] = []
        var nextTicket: UInt64 = 0
        var refused = 0
    }

    private enum Entry { case admitted, full, canceled }

    init(maxConcurrency: Int, maxQueued: Int) {
        self.maxConcurrency = max(maxConcurrency, 1)
        self.maxQueued = max(maxQueued, 0)
        executor = .httpQueries(maxConcurrency: self.maxConcurrency)
    }

    /// Queries running and waiting now (for `/metrics`).
    var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiting.count) }
    }

    /// Queries refused because the queue was full, since start.
    var refused: Int { state.withLock { $0.refused } }

    /// Runs `body` on the query threads once a slot is free; 503 when the
    /// queue is full, 499 when the client went away while waiting.
    func run<T>(_ body: () async throws(APIError) -> T) async throws(APIError) -> T {
        try await enter()
        defer { leave() }
        return try await executor.run(body)
    }

    private func enter() async throws(APIError) {
        let ticket = state.withLock { state -> UInt64? in
            guard state.running >= maxConcurrency else {
                state.running += 1
                return nil
            }
            state.nextTicket += 1
            return state.nextTicket
        }
        guard let ticket else { return }
        let entry = await withTaskCancellationHandler {
            await withCheckedContinuation { (resume: CheckedContinuation<Entry, Never>) in
                let now = state.withLock { state -> Entry? in
                    // A slot may have come free since the first look.
                    if state.running < maxConcurrency {
                        state.running += 1
                        return .admitted
                    }
                    if state.waiting.count >= maxQueued {
                        state.refused += 1
                        return .full
                    }
                    if Task.isCancelled { return .canceled }
                    state.waiting.append((ticket, resume))
                    return nil // `leave` or the cancellation handler resumes it
                }
                if let now { resume.resume(returning: now) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Entry, Never>? in
                guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return state.waiting.remove(at: index).resume
            }
            waiter?.resume(returning: .canceled)
        }
        switch entry {
        case .admitted:
            return
        case .full:
            throw APIError(.unavailable, "too many queries: \(maxConcurrency) running and \(maxQueued) waiting (query.maxConcurrency, query.maxQueued)")
        case .canceled:
            throw APIError(.canceled, "query canceled while waiting for a free slot")
        }
    }

    /// Hands the slot to the longest waiter, or frees it.
    private func leave() {
        let next = state.withLock { state -> CheckedContinuation<Entry, Never>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst().resume
        }
        next?.resume(returning: .admitted)
    }
}

extension QueryGate {
    /// `agent360_query_*` for `/metrics`.
    func families() -> [MetricFamily] {
        let (running, waiting) = load
        return [
            .single("agent360_query_running", .gauge, "HTTP API queries running now (at most query.maxConcurrency).", "", Double(running)),
            .single("agent360_query_queued", .gauge, "HTTP API queries waiting for a free slot (at most query.maxQueued).", "", Double(waiting)),
            .single("agent360_query_refused", .counter, "HTTP API queries refused with 503 because the queue was full.", "", Double(refused)),
        ]
    }
}
