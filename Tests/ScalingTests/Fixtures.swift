@testable import Scaling

/// Shared manifests and builders for the scaling tests.
enum Fixtures {
    /// The Agent360 scaling guide's HPA: 3–10 replicas, CPU 70%, memory 80%,
    /// request rate 1000/s per replica (External AverageValue: the metric is
    /// the workload's total rate), error rate 5% (External Value), scale up
    /// at most +2 pods/min after a 60 s window, down −1 pod/min after 300 s.
    static let guideYAML = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: agent360
          namespace: agent360
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: agent360
          minReplicas: 3
          maxReplicas: 10
          metrics:
          - type: Resource
            resource:
              name: cpu
              target:
                type: Utilization
                averageUtilization: 70
          - type: Resource
            resource:
              name: memory
              target:
                type: Utilization
                averageUtilization: 80
          - type: External
            external:
              metric:
                name: agent360_request_rate
                selector:
                  matchLabels:
                    workload: agent360
              target:
                type: AverageValue
                averageValue: "1k"
          - type: External
            external:
              metric:
                name: agent360_error_rate
              target:
                type: Value
                value: 50m
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 60
              policies:
              - type: Pods
                value: 2
                periodSeconds: 60
            scaleDown:
              stabilizationWindowSeconds: 300
              policies:
              - type: Pods
                value: 1
                periodSeconds: 60
        """

    /// A one-metric autoscaler with explicit behavior, for the algorithm tests.
    static func autoscaler(
        min: Int = 1,
        max: Int = 20,
        metrics: [HPAMetric] = [cpu(percent: 100)],
        scaleUp: HPAScalingRules = HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 100, periodSeconds: 15)]),
        scaleDown: HPAScalingRules = HPAScalingRules(stabilizationWindowSeconds: 0, policies: [HPAScalingPolicy(.pods, value: 100, periodSeconds: 15)])
    ) throws -> HorizontalPodAutoscaler {
        try HorizontalPodAutoscaler(
            name: "web",
            namespace: "shop",
            scaleTargetRef: ObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: "web"),
            minReplicas: min,
            maxReplicas: max,
            metrics: metrics,
            behavior: HPABehavior(scaleUp: scaleUp, scaleDown: scaleDown)
        )
    }

    static func cpu(percent: Int) -> HPAMetric {
        HPAMetric(.resource(name: "cpu"), target: .utilization(percent: percent))
    }

    static func external(_ name: String, value: Double) -> HPAMetric {
        HPAMetric(.external(MetricIdentifier(name: name)), target: .value(Quantity(value)))
    }

    static func externalAverage(_ name: String, perReplica: Double) -> HPAMetric {
        HPAMetric(.external(MetricIdentifier(name: name)), target: .averageValue(Quantity(perReplica)))
    }

    /// Runs `reconcile` at 15 s steps with one observation set per step,
    /// feeding each result's replicas into the next step.
    static func drive(
        _ hpa: HorizontalPodAutoscaler, start: Int, observations: [[Double?]], period: Double = 15
    ) -> [HPADecision] {
        var controller = HPAController(autoscaler: hpa)
        var replicas = start
        return observations.enumerated().map { index, values in
            let decision = controller.reconcile(at: Double(index) * period, currentReplicas: replicas, observations: values)
            replicas = decision.replicas
            return decision
        }
    }
}
