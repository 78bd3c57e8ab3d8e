import Testing
@testable import Scaling

/// Bad manifests fail with the field path (and line) an operator needs.
@Suite struct HPAValidationTests {
    private func error(_ spec: String) -> String? {
        let yaml = "kind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n" + spec
        do {
            _ = try HorizontalPodAutoscaler.parse(yaml: yaml)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    private let target = "  scaleTargetRef: {kind: Deployment, name: web}\n"

    @Test func missingMaxReplicas() {
        #expect(error(target) == "line 3: spec.maxReplicas: Required value")
    }

    @Test func minAboveMax() {
        #expect(error(target + "  minReplicas: 5\n  maxReplicas: 2\n")
            == "line 5: spec.minReplicas: Invalid value: \"5\": must be less than or equal to maxReplicas (2)")
    }

    @Test func zeroMinReplicasNeedsAnObjectOrExternalMetric() {
        #expect(error(target + "  minReplicas: 0\n  maxReplicas: 2\n")?.contains("spec.minReplicas: Invalid value: \"0\"") == true)
    }

    @Test func unknownMetricType() {
        let spec = target + "  maxReplicas: 2\n  metrics:\n  - type: Magic\n"
        #expect(error(spec) == """
            line 7: spec.metrics[0].type: Unsupported value: "Magic": supported values: \
            "ContainerResource", "External", "Object", "Pods", "Resource"
            """)
    }

    @Test func badQuantityNamesTheField() {
        let spec = target + """
              maxReplicas: 2
              metrics:
              - type: External
                external:
                  metric: {name: agent360_request_rate}
                  target: {type: AverageValue, averageValue: 1K}
            """
        let message = error(spec + "\n")
        #expect(message?.hasPrefix("line 10: spec.metrics[0].external.target.averageValue:") == true, "\(message ?? "")")
        #expect(message?.contains("unknown suffix \"K\"") == true)
    }

    @Test func wrongTypeNamesTheField() {
        #expect(error(target + "  maxReplicas: ten\n") == "line 5: spec.maxReplicas: expected an integer")
    }

    @Test func utilizationOnAnExternalMetric() {
        let spec = target + """
              maxReplicas: 2
              metrics:
              - type: External
                external: {metric: {name: x}, target: {type: Utilization, averageUtilization: 50}}
            """
        #expect(error(spec + "\n") == """
            line 8: spec.metrics[0].external.target.type: Unsupported value: "Utilization": \
            supported values: "AverageValue", "Value"
            """)
    }

    @Test func nonPositiveTarget() {
        let spec = target + """
              maxReplicas: 2
              metrics:
              - type: External
                external: {metric: {name: x}, target: {type: Value, value: "0"}}
            """
        #expect(error(spec + "\n")?.contains("spec.metrics[0].external.target.value: Invalid value: \"0\": must be positive") == true)
    }

    @Test func badPolicies() {
        let behavior = target + "  maxReplicas: 2\n  behavior:\n    scaleUp:\n"
        #expect(error(behavior + "      policies: []\n")
            == "line 8: spec.behavior.scaleUp.policies: Required value: must specify at least one Policy")
        #expect(error(behavior + "      policies: [{type: Replicas, value: 1, periodSeconds: 15}]\n")
            == "line 8: spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Replicas\": supported values: \"Pods\", \"Percent\"")
        #expect(error(behavior + "      policies: [{type: Pods, value: 1, periodSeconds: 3600}]\n")?
            .contains("spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: \"3600\"") == true)
        #expect(error(behavior + "      selectPolicy: Maximum\n")?
            .contains("spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Maximum\"") == true)
        #expect(error(behavior + "      stabilizationWindowSeconds: 7200\n")?
            .contains("spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: \"7200\"") == true)
    }

    @Test func unsupportedAPIVersionAndNoAutoscaler() {
        #expect(throws: HPASpecError.self) {
            try HorizontalPodAutoscaler.parse(yaml: "apiVersion: autoscaling/v2beta1\nkind: HorizontalPodAutoscaler\nspec: {}\n")
        }
        #expect(throws: HPASpecError(field: "", .malformed("no document with kind: HorizontalPodAutoscaler found"))) {
            try HorizontalPodAutoscaler.parse(yaml: "kind: Deployment\n")
        }
        #expect(throws: HPASpecError.self) { try HorizontalPodAutoscaler.parse(yaml: "kind: [unclosed\n") }
    }

    @Test func codeBuiltAutoscalersAreValidatedToo() {
        #expect(throws: HPASpecError.self) {
            try Fixtures.autoscaler(min: 3, max: 2)
        }
        #expect(throws: HPASpecError.self) {
            try Fixtures.autoscaler(metrics: [Fixtures.cpu(percent: 0)])
        }
    }
}
