import Exposition
import Logging
import ServiceLifecycle

/// The scaling, recommendation and cost parts of `agent360 serve`.
struct ScalingComponents: Sendable {
    let scaling: ScalingEngine?
    let recommendations: RecommendationEngine?
    let costs: CostEstimator?

    init(config: Agent360Config, queries: QueryService, resources: ResourceCollectionService?, logger: Logger) {
        scaling = config.scaling.enabled ? ScalingEngine(config: config.scaling, queries: queries, logger: logger) : nil
        recommendations = config.recommendations.enabled
            ? RecommendationEngine(config: config.recommendations, queries: queries, logger: logger) : nil
        costs = config.cost.enabled
            ? CostEstimator(config: config.cost, queries: queries,
                            measure: { resources?.latest.map(MeasuredResources.init) }, logger: logger)
            : nil
    }

    /// One periodic service per enabled part, each evaluating on `executor`.
    func services(on executor: EvaluationExecutor) -> [any Service] {
        var services: [any Service] = []
        if let scaling {
            services.append(PeriodicEvaluationService(interval: scaling.config.interval.milliseconds,
                                                      evaluate: { await scaling.evaluate(at: $0) }, executor: executor))
        }
        if let recommendations {
            services.append(PeriodicEvaluationService(interval: recommendations.config.interval.milliseconds,
                                                      evaluate: { await recommendations.evaluate(at: $0) }, executor: executor))
        }
        if let costs {
            services.append(PeriodicEvaluationService(interval: costs.config.interval.milliseconds, prepare: {
                // The collectors' first reading arrives about a second after start.
                try? await Task.sleep(for: .seconds(2))
                costs.observeNetwork()
            }, evaluate: { await costs.evaluate(at: $0) }, executor: executor))
        }
        return services
    }

    var routes: ScalingRoutes {
        ScalingRoutes(scaling: scaling, recommendations: recommendations, costs: costs)
    }

    /// The latest derived samples of every part, for `/metrics`.
    var metricSource: @Sendable () -> [MetricFamily] {
        let (scaling, recommendations, costs) = (self.scaling, self.recommendations, self.costs)
        return {
            DerivedSignalFamilies.families((scaling?.latestSamples() ?? []) + (recommendations?.latestSamples() ?? [])
                                           + (costs?.latestSamples() ?? []))
        }
    }
}
