import Hummingbird

/// `GET /api/v1/scaling`, `/api/v1/recommendations` and `/api/v1/costs`.
///
/// Answers use the Prometheus API envelope (`{"status":"success","data":…}`,
/// errors as `{"status":"error","errorType":…,"error":…}`) so one client
/// handles every agent360 endpoint. Each answer is computed at request time
/// (`time` parameter, default now) from the store; the periodic services
/// compute the same figures for /metrics and the stored series.
struct ScalingRoutes: Sendable {
    let scaling: ScalingEngine?
    let recommendations: RecommendationEngine?
    let costs: CostEstimator?

    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("/api/v1/scaling") { request, _ in
            await respond(request) { values throws(APIError) in try await scalingData(values) }
        }
        router.get("/api/v1/recommendations") { request, _ in
            await respond(request) { values throws(APIError) in try await recommendationData(values) }
        }
        router.get("/api/v1/costs") { request, _ in
            await respond(request) { values throws(APIError) in try await costData(values) }
        }
    }

    func scalingData(_ values: FormValues) async throws(APIError) -> JSONWriter {
        guard let scaling else { throw APIError(.notFound, "scaling is disabled (scaling.enabled: false)") }
        let time = try APIParameters.time(values, "time", default: WallClock.nowMilliseconds())
        let snapshot = await scaling.assess(at: time)
        let signals = Dictionary(snapshot.signals.map { (WorkloadKey(namespace: $0.namespace, workload: $0.workload), $0) }) { a, _ in a }
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("time", RFC3339Text.format(milliseconds: time))
        writer.field("intervalSeconds", number: scaling.config.interval.seconds)
        writer.key("thresholds")
        writer.scalingThresholds(scaling.config.thresholds)
        writer.key("workloads")
        writer.beginArray()
        for assessment in snapshot.assessments {
            writer.scalingAssessment(assessment, signals: signals[WorkloadKey(namespace: assessment.namespace,
                                                                               workload: assessment.workload)])
        }
        writer.endArray()
        writer.key("hpa")
        writer.beginArray()
        for status in scaling.shadowStatuses() { writer.shadowHPA(status) }
        writer.endArray()
        writer.endObject()
        return writer
    }

    func recommendationData(_ values: FormValues) async throws(APIError) -> JSONWriter {
        guard let recommendations else {
            throw APIError(.notFound, "recommendations are disabled (recommendations.enabled: false)")
        }
        let time = try APIParameters.time(values, "time", default: WallClock.nowMilliseconds())
        var window = recommendations.config.window.milliseconds
        if let text = values["window"], !text.isEmpty {
            window = try APIParameters.duration(text, "window")
            guard window > 0 else { throw APIError.invalidParameter("window", "must be positive") }
        }
        let assessments = await recommendations.assess(at: time, window: window)
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("time", RFC3339Text.format(milliseconds: time))
        writer.field("window", DurationText.promQL(window))
        writer.key("thresholds")
        writer.resourceThresholds(recommendations.config.thresholds)
        writer.key("workloads")
        writer.beginArray()
        for assessment in assessments { writer.resourceAssessment(assessment) }
        writer.endArray()
        writer.endObject()
        return writer
    }

    func costData(_ values: FormValues) async throws(APIError) -> JSONWriter {
        guard let costs else { throw APIError(.notFound, "cost reporting is disabled (cost.enabled: false)") }
        let time = try APIParameters.time(values, "time", default: WallClock.nowMilliseconds())
        var writer = JSONWriter()
        writer.costEstimate(await costs.estimate(at: time), prices: costs.config.prices)
        return writer
    }

    private func respond(_ request: Request, _ body: (FormValues) async throws(APIError) -> JSONWriter) async -> Response {
        await APIResponse.respond(request, body)
    }
}
