import PromQL
import TSDB

/// PromQL over the store, shared by the HTTP API, recording rules, the
/// Kubernetes metrics APIs and the scaling endpoints.
struct QueryService: Sendable {
    let engine: Engine
    let store: MemoryStore

    init(config: QueryConfig, store: MemoryStore) {
        engine = Engine(options: Engine.Options(
            lookbackDelta: config.lookbackDelta.milliseconds,
            timeout: config.timeout.swiftDuration,
            maxSamples: config.maxSamples
        ))
        self.store = store
    }

    func instant(_ query: String, at time: Int64, timeout: Int64? = nil) async throws(APIError) -> QueryResult {
        do {
            return try await engine(timeout).instantQuery(query, at: time, querier: store)
        } catch {
            throw Self.apiError(error)
        }
    }

    func instant(_ expr: Expr, at time: Int64) async throws(APIError) -> QueryResult {
        do {
            return try await engine.instantQuery(expr, at: time, querier: store)
        } catch {
            throw Self.apiError(error)
        }
    }

    func range(_ query: String, start: Int64, end: Int64, step: Int64, timeout: Int64? = nil) async throws(APIError) -> QueryResult {
        do {
            return try await engine(timeout).rangeQuery(query, start: start, end: end, step: step, querier: store)
        } catch {
            throw Self.apiError(error)
        }
    }

    /// The engine with a per-request timeout, never longer than the configured one.
    private func engine(_ timeout: Int64?) -> Engine {
        guard let timeout, timeout > 0 else { return engine }
        var copy = engine
        let requested = Duration.milliseconds(timeout)
        copy.options.timeout = min(requested, engine.options.timeout ?? requested)
        return copy
    }

    /// Runs a store read of the series and label endpoints under the
    /// configured query timeout, so that listing millions of series stops
    /// when the time is up (the store checks `ScanDeadline` as it scans).
    func read<T>(_ body: () throws -> T) throws(APIError) -> T {
        let deadline = engine.options.timeout.map { ContinuousClock.now.advanced(by: $0) }
        do {
            return try ScanDeadline.$current.withValue(ScanDeadline(deadline)) { try body() }
        } catch let error as ScanInterrupted {
            throw error.isTimeout ? APIError(.timeout, "query timed out in series selection")
                                  : APIError(.canceled, "query was canceled in series selection")
        } catch {
            throw APIError(.internalError, "\(error)")
        }
    }

    static func apiError(_ error: any Error) -> APIError {
        guard let error = error as? QueryError else { return APIError(.internalError, "\(error)") }
        switch error.kind {
        case .badData: return APIError.invalidParameter("query", error.message)
        case .execution: return APIError(.execution, error.message)
        case .timeout: return APIError(.timeout, error.message)
        case .canceled: return APIError(.canceled, error.message)
        case .storage: return APIError(.internalError, error.message)
        }
    }
}
