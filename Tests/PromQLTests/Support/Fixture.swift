@testable import PromQL
import TSDB

/// Test data served by the real `MemoryStore`, written in Prometheus's
/// expanding notation, plus helpers that run queries and flatten results.
struct Fixture {
    let store: MemoryStore
    var engine = Engine()

    /// `series`: one series per line, samples `interval` ms apart from time 0.
    init(interval: Int64 = 15_000, _ series: String) throws {
        store = MemoryStore(options: StoreOptions(retention: 1_000_000_000_000))
        let querier = try ArrayQuerier(interval: interval, series)
        let newest = querier.data.flatMap { $0.samples.map(\.timestamp) }.max() ?? 0
        for series in querier.data {
            let result = store.append(series.labels, series.samples, now: newest)
            guard result.rejectedSamples == 0 else {
                throw SeriesNotation.Failure(description: "store rejected samples of \(series.labels): \(result.rejected)")
            }
        }
    }

    /// Queries an existing store.
    init(store: MemoryStore) {
        self.store = store
    }

    func result(_ query: String, at seconds: Double) async throws -> QueryResult {
        try await engine.instantQuery(query, at: Int64((seconds * 1000).rounded()), querier: store)
    }

    /// An instant vector as `labels description → value`.
    func vector(_ query: String, at seconds: Double) async throws -> [String: Double] {
        guard case .vector(let samples) = try await result(query, at: seconds).value else {
            throw SeriesNotation.Failure(description: "\(query) is not a vector")
        }
        var values: [String: Double] = [:]
        for sample in samples { values[sample.labels.description] = sample.value }
        return values
    }

    /// The labels of an instant vector in result order.
    func order(_ query: String, at seconds: Double) async throws -> [String] {
        guard case .vector(let samples) = try await result(query, at: seconds).value else { return [] }
        return samples.map(\.labels.description)
    }

    /// The only value of a one-element vector or a scalar.
    func value(_ query: String, at seconds: Double) async throws -> Double? {
        switch try await result(query, at: seconds).value {
        case .scalar(_, let value): return value
        case .vector(let samples): return samples.count == 1 ? samples[0].value : nil
        default: return nil
        }
    }

    /// The error a query fails with.
    func error(_ query: String, at seconds: Double) async -> QueryError? {
        do {
            _ = try await result(query, at: seconds)
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            return nil
        }
    }

    func range(_ query: String, from start: Double, to end: Double, step: Double) async throws -> [String: [Sample]] {
        let result = try await engine.rangeQuery(
            query, start: Int64(start * 1000), end: Int64(end * 1000), step: Int64(step * 1000), querier: store)
        guard case .matrix(let series) = result.value else { return [:] }
        var values: [String: [Sample]] = [:]
        for item in series { values[item.labels.description] = item.samples }
        return values
    }
}

/// Bit-exact float comparison that treats all NaNs alike.
func same(_ lhs: Double?, _ rhs: Double?) -> Bool {
    guard let lhs, let rhs else { return lhs == nil && rhs == nil }
    return lhs.bitPattern == rhs.bitPattern || (lhs.isNaN && rhs.isNaN)
}

func same(_ lhs: [String: Double], _ rhs: [String: Double]) -> Bool {
    lhs.count == rhs.count && lhs.allSatisfy { same($0.value, rhs[$0.key]) }
}
