import Testing
@testable import TSDB

/// The store's long scans stop when the query's deadline has passed or its
/// task is cancelled, and run unchanged otherwise.
@Suite struct ScanDeadlineTests {
    /// 3,000 series, each with its own `pod` value (more than one check
    /// interval of values and of series).
    static func store() -> MemoryStore {
        let store = MemoryStore(options: StoreOptions(shardCount: 4))
        let batch = (0 ..< 3_000).map { i in
            (labels(["__name__": "scan", "pod": "pod-\(i)"]), [Sample(timestamp: t0, value: Double(i))])
        }
        _ = withBatch(batch) { store.ingest($0, now: t0) }
        return store
    }

    static let passed = ScanDeadline(ContinuousClock.now.advanced(by: .seconds(-1)))
    static func regex() throws -> [LabelMatcher] {
        [.equal("__name__", "scan"), try LabelMatcher(.regexMatch, "pod", "pod-.*")]
    }

    static func interruption(_ body: () throws -> Void) -> ScanInterrupted? {
        do {
            try body()
            return nil
        } catch let error as ScanInterrupted {
            return error
        } catch {
            return nil
        }
    }

    @Test func passedDeadlineStopsEveryRead() throws {
        let store = Self.store()
        let regex = try Self.regex()
        ScanDeadline.$current.withValue(Self.passed) {
            #expect(Self.interruption { _ = try store.resolve(regex) }?.isTimeout == true)
            #expect(Self.interruption { _ = try store.select(regex, minTime: .min, maxTime: .max) }?.isTimeout == true)
            #expect(Self.interruption { _ = try store.series([.equal("__name__", "scan")], minTime: .min, maxTime: .max) }?.isTimeout == true)
            #expect(Self.interruption { _ = try store.labelValues("pod", regex, minTime: .min, maxTime: .max) }?.isTimeout == true)
            #expect(Self.interruption {
                try store.visitSeries([.equal("__name__", "scan")], minTime: .min, maxTime: .max) { _ in }
            }?.isTimeout == true)
        }
    }

    @Test func farDeadlineReadsEverything() throws {
        let store = Self.store()
        let regex = try Self.regex()
        let far = ScanDeadline(ContinuousClock.now.advanced(by: .seconds(3_600)))
        try ScanDeadline.$current.withValue(far) {
            #expect(try store.select(regex, minTime: .min, maxTime: .max).count == 3_000)
            var visited = 0
            try store.visitSeries([.equal("__name__", "scan")], minTime: .min, maxTime: .max) { _ in visited += 1 }
            #expect(visited == 3_000)
            #expect(try store.labelValues("pod", regex, minTime: .min, maxTime: .max).count == 3_000)
        }
    }

    @Test func cancelledTaskStopsTheScanAsCanceled() async throws {
        let store = Self.store()
        let regex = try Self.regex()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return Self.interruption { _ = try store.select(regex, minTime: .min, maxTime: .max) }
        }
        let error = await task.value
        #expect(error != nil)
        #expect(error?.isTimeout == false)
    }

    @Test func passedDeadlineReadsNoSeries() {
        let store = Self.store()
        var seen = 0
        let stopped = ScanDeadline.$current.withValue(Self.passed) {
            Self.interruption {
                try store.visitSeries([.equal("__name__", "scan")], minTime: .min, maxTime: .max) { _ in seen += 1 }
            }
        }
        #expect(stopped?.isTimeout == true)
        #expect(seen == 0)
    }
}
