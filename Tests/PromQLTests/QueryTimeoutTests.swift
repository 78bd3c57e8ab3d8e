import Synchronization
import Testing
@testable import PromQL
import TSDB

/// A query far heavier than its timeout stops with Prometheus's timeout
/// error soon after the deadline, and ingest and a small query run while it
/// does.
@Suite("query timeouts")
struct QueryTimeoutTests {
    static let seriesCount = 50_000
    static let newest: Int64 = 3_600_000

    /// `heavy{pod=…}`, one series per pod with samples over the last hour,
    /// and one small `point` series.
    static let store: MemoryStore = {
        let store = MemoryStore(options: StoreOptions(retention: 1_000_000_000_000))
        for pod in 0 ..< seriesCount {
            _ = store.append(Labels(["__name__": "heavy", "pod": "pod-\(pod)"]),
                             [Sample(timestamp: 0, value: 1), Sample(timestamp: newest, value: 2)], now: newest)
        }
        _ = store.append(Labels(["__name__": "point"]), [Sample(timestamp: newest, value: 7)], now: newest)
        return store
    }()

    /// `{pod=~".+"}` over 50,000 series at 3,601 steps: minutes of work.
    static let heavyQuery = #"sum by (pod) ({pod=~".+"})"#

    func heavyError(timeout: Duration) async -> QueryError? {
        let engine = Engine(options: .init(timeout: timeout))
        do {
            _ = try await engine.rangeQuery(Self.heavyQuery, start: 0, end: Self.newest, step: 1_000, querier: Self.store)
            return nil
        } catch {
            return error as? QueryError
        }
    }

    @Test("a heavy range query stops with Prometheus's timeout error")
    func heavyQueryTimesOut() async throws {
        _ = Self.store // built before the clock starts
        let started = ContinuousClock.now
        let error = await heavyError(timeout: .milliseconds(300))
        let elapsed = ContinuousClock.now - started
        #expect(error?.kind == .timeout)
        #expect(error?.message == "query timed out in expression evaluation")
        // Generous: ten times the timeout plus slack for a loaded debug build.
        #expect(elapsed < .seconds(3) + .seconds(5), "stopped after \(elapsed)")
    }

    @Test("ingest and a small query proceed while a heavy query runs")
    func othersProceed() async throws {
        let store = Self.store
        let heavyDone = Atomic<Bool>(false)
        let heavy = Task {
            let error = await heavyError(timeout: .seconds(3))
            heavyDone.store(true, ordering: .sequentiallyConsistent)
            return error
        }
        // Let the heavy query get into its scan.
        try await Task.sleep(for: .milliseconds(100))
        let result = store.append(Labels(["__name__": "point"]), [Sample(timestamp: Self.newest + 1_000, value: 8)],
                                  now: Self.newest + 1_000)
        #expect(result.acceptedSamples == 1)
        let value = try await Engine().instantQuery("point", at: Self.newest + 1_000, querier: store)
        let finishedFirst = !heavyDone.load(ordering: .sequentiallyConsistent)
        guard case .vector(let samples) = value.value else {
            Issue.record("point is not a vector")
            return
        }
        #expect(samples.map(\.value) == [8])
        #expect(finishedFirst, "the small query waited for the heavy one")
        #expect(await heavy.value?.kind == .timeout)
    }
}
