import Hummingbird

/// Records every request in `agent360_http_requests_total` and
/// `agent360_http_request_duration_seconds`, labelled by route pattern.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: SelfMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, code: response.status.code, start: start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context, code: error.status.code, start: start)
            throw error
        } catch {
            record(request, context, code: 500, start: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, code: Int, start: ContinuousClock.Instant) {
        let handler = context.coreContext.endpointPath.value ?? "unmatched"
        metrics.observeRequest(handler: handler, method: request.method.rawValue, code: code,
                               duration: ContinuousClock.now - start)
    }
}
