import KubeMetricsAPI
import TSDB
import Testing

@Suite("prometheus-adapter resource mapping")
struct AdapterResourceMapperTests {
    @Test("overrides map labels to resources both ways")
    func overrides() throws {
        let mapper = try AdapterResourceMapper(
            AdapterResourceMapping(overrides: ["kubernetes_namespace": .init(resource: "namespace"),
                                               "kubernetes_pod_name": .init(resource: "pod"),
                                               "workload": .init(group: "apps", resource: "deployment")]),
            field: "rules[0].resources")
        #expect(mapper.label(for: .pods) == "kubernetes_pod_name")
        #expect(mapper.label(for: .nodes) == nil)
        #expect(mapper.resource(forLabel: "workload")?.groupResource == "deployments.apps")
        let mapped = mapper.resources(of: Labels(["__name__": "x", "kubernetes_namespace": "a", "kubernetes_pod_name": "b", "other": "c"]))
        #expect(mapped.map(\.resource.groupResource) == ["namespaces", "pods"])
    }

    @Test("templates: <<.Resource>> and kube_<<.Group>>_<<.Resource>>, singular, group with underscores")
    func templates() throws {
        let plain = try AdapterResourceMapper(AdapterResourceMapping(template: "<<.Resource>>"), field: "rules[3].resources")
        #expect(plain.label(for: .pods) == "pod")
        let series = Labels(["__name__": "x", "namespace": "a", "pod": "b", "service": "c", "instance": "d", "job": "e"])
        #expect(plain.resources(of: series).map(\.resource.groupResource) == ["namespaces", "pods", "services"])

        let grouped = try AdapterResourceMapper(AdapterResourceMapping(template: "kube_<<.Group>>_<<.Resource>>"), field: "r")
        let deployments = try #require(KubeResource.lookup("deployments.apps"))
        #expect(grouped.label(for: deployments) == "kube_apps_deployment")
        #expect(grouped.resource(forLabel: "kube_apps_deployment") == deployments)
        let ingress = try #require(KubeResource.lookup("ingresses.networking.k8s.io"))
        #expect(grouped.label(for: ingress) == "kube_networking_k8s_io_ingress")
        // Read back as the adapter reads it, with a lazy `.+?` group:
        // group "networking", resource "k8s_io_ingress", which is no resource.
        #expect(grouped.resource(forLabel: "kube_networking_k8s_io_ingress") == nil)
    }

    @Test("unknown resources, bad labels and templates without .Resource are errors naming the field")
    func errors() {
        func message(_ mapping: AdapterResourceMapping) -> String {
            do { _ = try AdapterResourceMapper(mapping, field: "rules[2].resources"); return "" } catch { return error.description }
        }
        #expect(message(AdapterResourceMapping(overrides: ["x": .init(resource: "widgets")])).hasPrefix("rules[2].resources.overrides.x: unknown Kubernetes resource \"widgets\""))
        #expect(message(AdapterResourceMapping(overrides: ["bad-label": .init(resource: "pod")])).hasPrefix("rules[2].resources.overrides:"))
        #expect(message(AdapterResourceMapping(template: "kube_<<.Group>>")).hasPrefix("rules[2].resources.template: must include"))
    }
}
