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
