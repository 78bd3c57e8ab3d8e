import Exposition
import Synchronization
import Testing
@testable import Agent360Server

@Suite("Query concurrency limit")
struct QueryGateTests {
    /// Lets a test hold queries inside the gate until it opens.
    final class Latch: Sendable {
        private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

        func wait() async {
            await withCheckedContinuation { resume in
                let open = state.withLock { state -> Bool in
                    if !state.open { state.waiters.append(resume) }
                    return state.open
                }
                if open { resume.resume() }
            }
        }

        func open() {
            let waiters = state.withLock { state in
                state.open = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }

    /// The order in which queries ran.
    final class Order: Sendable {
        private let numbers = Mutex<[Int]>([])
        func append(_ number: Int) { numbers.withLock { $0.append(number) } }
        var all: [Int] { numbers.withLock { $0 } }
    }

    private func waitUntil(_ gate: QueryGate, running: Int, waiting: Int) async throws {
        for _ in 0 ..< 2000 where gate.load != (running, waiting) { try await Task.sleep(for: .milliseconds(1)) }
        #expect(gate.load == (running, waiting))
    }

    @Test("beyond the running and queued limits a query is refused at once with 503; waiters run first come first served")
    func limitsAndOrder() async throws {
        let gate = QueryGate(maxConcurrency: 2, maxQueued: 2)
        let latch = Latch()
        let order = Order()
        var tasks: [Task<Void, any Error>] = []
        for number in 0 ..< 2 {
            tasks.append(Task { try await gate.run { () throws(APIError) in await latch.wait(); order.append(number) } })
        }
        try await waitUntil(gate, running: 2, waiting: 0)
        for number in 2 ..< 4 {
            tasks.append(Task { try await gate.run { () throws(APIError) in await latch.wait(); order.append(number) } })
            try await waitUntil(gate, running: 2, waiting: number - 1)
        }
        do {
            try await gate.run { () throws(APIError) in _ = Issue.record("a fifth query must not run") }
            Issue.record("a fifth query must be refused")
        } catch {
            #expect(error.kind == .unavailable)
            #expect(error.message.contains("2 running and 2 waiting"))
        }
        #expect(gate.refused == 1)
        let families = Dictionary(uniqueKeysWithValues: gate.families().map { ($0.name, $0.samples.first?.value) })
        #expect(families["agent360_query_running"] == 2 && families["agent360_query_queued"] == 2 && families["agent360_query_refused"] == 1)
        latch.open()
        for task in tasks { try await task.value }
        #expect(Set(order.all) == [0, 1, 2, 3])
        #expect(gate.load == (0, 0))
    }

    @Test("with one slot, queued queries run strictly in arrival order")
    func firstComeFirstServed() async throws {
        let gate = QueryGate(maxConcurrency: 1, maxQueued: 10)
        let latch = Latch()
        let order = Order()
        var tasks: [Task<Void, any Error>] = [Task { try await gate.run { () throws(APIError) in await latch.wait(); order.append(0) } }]
        try await waitUntil(gate, running: 1, waiting: 0)
        for number in 1 ..< 6 {
            tasks.append(Task { try await gate.run { () throws(APIError) in order.append(number) } })
            try await waitUntil(gate, running: 1, waiting: number)
        }
        latch.open()
        for task in tasks { try await task.value }
        #expect(order.all == [0, 1, 2, 3, 4, 5])
    }

    @Test("a query canceled while waiting leaves the queue and frees its place")
    func cancelWhileWaiting() async throws {
        let gate = QueryGate(maxConcurrency: 1, maxQueued: 1)
        let latch = Latch()
        let holder = Task { try await gate.run { () throws(APIError) in await latch.wait() } }
        try await waitUntil(gate, running: 1, waiting: 0)
        let waiter = Task { try await gate.run { () throws(APIError) in _ = Issue.record("a canceled query must not run") } }
        try await waitUntil(gate, running: 1, waiting: 1)
        waiter.cancel()
        do {
            try await waiter.value
            Issue.record("the canceled query must throw")
        } catch let error as APIError {
            #expect(error.kind == .canceled)
        }
        #expect(gate.load == (1, 0))
        latch.open()
        try await holder.value
        #expect(gate.load == (0, 0))
    }
}
