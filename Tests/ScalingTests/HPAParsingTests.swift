import Foundation
import Testing
@testable import Scaling

@Suite struct HPAParsingTests {
    @Test func readsTheGuideAutoscaler() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: Fixtures.guideYAML)
        #expect(hpa.name == "agent360")
        #expect(hpa.namespace == "agent360")
        #expect(hpa.scaleTargetRef == ObjectReference(apiVersion: "apps/v1", kind: "Deployment", name: "agent360"))
        #expect(hpa.minReplicas == 3)
        #expect(hpa.maxReplicas == 10)
        #expect(hpa.metrics.map(\.key) == ["cpu", "memory", "agent360_request_rate", "agent360_error_rate"])
        #expect(hpa.metrics[0].target == .utilization(percent: 70))
        #expect(hpa.metrics[2].target.inputUnitValue == 1000)
        #expect(hpa.metrics[3].target.inputUnitValue == 0.05)
        if case .external(let id) = hpa.metrics[2].source {
            #expect(id.selector?.matchLabels == ["workload": "agent360"])
        } else {
            Issue.record("request rate should be an External metric")
        }
        // Given fields win; unspecified ones (selectPolicy, tolerance) take defaults.
        #expect(hpa.behavior.scaleUp == HPAScalingRules(
            stabilizationWindowSeconds: 60, selectPolicy: .max,
            policies: [HPAScalingPolicy(.pods, value: 2, periodSeconds: 60)], tolerance: 0.1
        ))
        #expect(hpa.behavior.scaleDown.stabilizationWindowSeconds == 300)
        #expect(hpa.behaviorSpecified)
    }

    @Test func fillsAPIDefaultsWhenBehaviorIsSilent() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 5
            """)
        #expect(hpa.minReplicas == 1)
        #expect(hpa.metrics == [HPAMetric(.resource(name: "cpu"), target: .utilization(percent: 80))])
        #expect(hpa.behavior.scaleUp.stabilizationWindowSeconds == 0)
        #expect(hpa.behavior.scaleUp.selectPolicy == .max)
        #expect(hpa.behavior.scaleUp.policies == [
            HPAScalingPolicy(.pods, value: 4, periodSeconds: 15), HPAScalingPolicy(.percent, value: 100, periodSeconds: 15),
        ])
        #expect(hpa.behavior.scaleDown.stabilizationWindowSeconds == 300)
        #expect(hpa.behavior.scaleDown.policies == [HPAScalingPolicy(.percent, value: 100, periodSeconds: 15)])
        #expect(!hpa.behaviorSpecified)
    }

    @Test func defaultsFieldByFieldInsideBehavior() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: """
            kind: HorizontalPodAutoscaler
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 5
              behavior:
                scaleDown:
                  selectPolicy: Disabled
            """)
        #expect(hpa.behavior.scaleUp == .defaultScaleUp)
        #expect(hpa.behavior.scaleDown.selectPolicy == .disabled)
        #expect(hpa.behavior.scaleDown.stabilizationWindowSeconds == 300)
        #expect(hpa.behavior.scaleDown.policies == HPAScalingRules.defaultScaleDown.policies)
    }

    @Test func readsEveryMetricTypeAndQuantitySpelling() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: """
            kind: HorizontalPodAutoscaler
            spec:
              scaleTargetRef: {kind: Deployment, name: web}
              maxReplicas: 5
              metrics:
              - type: Resource
                resource: {name: memory, target: {type: AverageValue, averageValue: 100Mi}}
              - type: ContainerResource
                containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}
              - type: Pods
                pods: {metric: {name: queue_depth}, target: {type: AverageValue, averageValue: 500m}}
              - type: Object
                object:
                  metric: {name: requests_per_second}
                  describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}
                  target: {type: Value, value: 2k}
              - type: External
                external: {metric: {name: agent360_request_rate}, target: {type: AverageValue, averageValue: 1000}}
              - type: External
                external: {metric: {name: agent360_error_rate}, target: {type: Value, value: 0.05}}
            """)
        #expect(hpa.metrics.map(\.typeName) == ["Resource", "ContainerResource", "Pods", "Object", "External", "External"])
        #expect(hpa.metrics.map(\.key) == ["memory", "app/cpu", "queue_depth", "requests_per_second", "agent360_request_rate", "agent360_error_rate"])
        #expect(hpa.metrics.map(\.target.inputUnitValue) == [104_857_600, 0.6, 0.5, 2000, 1000, 0.05])
    }

    @Test func readsAutoscalingV1() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: """
            apiVersion: autoscaling/v1
            kind: HorizontalPodAutoscaler
            metadata: {name: old}
            spec:
              scaleTargetRef: {kind: Deployment, name: old}
              minReplicas: 2
              maxReplicas: 4
              targetCPUUtilizationPercentage: 65
            """)
        #expect(hpa.metrics == [Fixtures.cpu(percent: 65)])
    }

    @Test func skipsOtherManifestsInTheStream() throws {
        let yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            ---
            kind: List
            items:
            - kind: Service
              metadata: {name: web}
            - kind: HorizontalPodAutoscaler
              metadata: {name: first}
              spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
            ---
            kind: HorizontalPodAutoscaler
            metadata: {name: second}
            spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 4}
            """
        #expect(try HorizontalPodAutoscaler.parseAll(yaml: yaml).map(\.name) == ["first", "second"])
        #expect(try HorizontalPodAutoscaler.parse(yaml: yaml).name == "first")
    }

    @Test func encodesBackToTheKubernetesShape() throws {
        let hpa = try HorizontalPodAutoscaler.parse(yaml: Fixtures.guideYAML)
        let json = try JSONEncoder().encode(hpa)
        let decoded = try JSONDecoder().decode(HorizontalPodAutoscaler.self, from: json)
        #expect(decoded == hpa)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"averageValue\":\"1k\""))
        #expect(text.contains("\"apiVersion\":\"autoscaling\\/v2\""))
    }
}
