import TSDB

/// A rule's `resources:` compiled: which Prometheus label names which
/// Kubernetes resource, both ways.
///
/// prometheus-adapter asks the API server's RESTMapper whether a resource
/// exists; agent360 has no Kubernetes client here and uses the
/// `KubeResource.known` table instead, so labels naming other resources are
/// skipped (as the adapter skips labels its mapper does not know).
public struct AdapterResourceMapper: Sendable {
    /// Override label → resource.
    let overrides: [String: KubeResource]
    let template: AdapterTemplate?
    /// The template rendered with `(?P<group>.+?)` / `(?P<resource>.+?)`,
    /// anchored: how the adapter reads a label back into a resource.
    private let labelPattern: RE2Pattern?

    /// - Parameter field: where errors point, e.g. `rules[0].resources`.
    public init(_ mapping: AdapterResourceMapping, field: String) throws(AdapterConfigError) {
        var overrides: [String: KubeResource] = [:]
        for (label, groupResource) in mapping.overrides.sorted(by: { $0.key < $1.key }) {
            guard PrometheusLabelName.isValid(label) else {
                throw AdapterConfigError(.invalidResource, field: "\(field).overrides",
                                         "\"\(label)\" is not a valid Prometheus label name")
            }
            let name = groupResource.group.isEmpty ? groupResource.resource : "\(groupResource.resource).\(groupResource.group)"
            guard let resource = KubeResource.lookup(name) else {
                let known = KubeResource.known.map(\.groupResource).joined(separator: ", ")
                throw AdapterConfigError(.invalidResource, field: "\(field).overrides.\(label)",
                                         "unknown Kubernetes resource \"\(name)\" (known: \(known))")
            }
            overrides[label] = resource
        }
        self.overrides = overrides
        guard let source = mapping.template, !source.isEmpty else {
            template = nil
            labelPattern = nil
            return
        }
        do {
            let template = try AdapterTemplate(source, allowed: ["Group", "Resource"])
            guard template.fields.contains("Resource") else {
                throw AdapterConfigError(.invalidTemplate, field: "\(field).template", "must include at least <<.Resource>>")
            }
            self.template = template
            let pattern = template.render(["Group": "(?P<group>.+?)", "Resource": "(?P<resource>.+?)"])
            labelPattern = try RE2Pattern("^\(pattern)$")
        } catch let error as AdapterConfigError {
            throw error
        } catch {
            throw AdapterConfigError(.invalidTemplate, field: "\(field).template", "\(error)")
        }
    }

    /// The label naming objects of `resource`: an override, else the
    /// template with the group's dots and dashes as underscores and the
    /// resource singular (`kube_apps_deployment`), else nil.
    public func label(for resource: KubeResource) -> String? {
        if let override = overrides.sorted(by: { $0.key < $1.key }).first(where: { $0.value == resource }) {
            return override.key
        }
        guard let template else { return nil }
        let group = String(resource.group.map { $0 == "." || $0 == "-" ? "_" : $0 })
        let label = template.render(["Group": group, "Resource": resource.singular])
        return PrometheusLabelName.isValid(label) ? label : nil
    }

    /// The resource `label` names, if any.
    public func resource(forLabel label: String) -> KubeResource? {
        if let override = overrides[label] { return override }
        guard let labelPattern, let groups = labelPattern.wholeMatchGroups(label) else { return nil }
        var group = ""
        var resource = ""
        for (index, name) in labelPattern.groupNames.enumerated() where index < groups.count {
            if name == "group" { group = groups[index].map(String.init) ?? "" }
            if name == "resource" { resource = groups[index].map(String.init) ?? "" }
        }
        return KubeResource.known.first { known in
            (known.singular == resource || known.plural == resource)
                && (known.group == group || known.group.replacing(".", with: "_").replacing("-", with: "_") == group)
        }
    }

    /// Every resource the series' labels map to, with the label, sorted by
    /// group-resource.
    public func resources(of labels: Labels) -> [(resource: KubeResource, label: String)] {
        var found: [KubeResource: String] = [:]
        // Label names are pasted into the query as <<.GroupBy>>: only valid ones.
        for label in labels where label.name != "__name__" && PrometheusLabelName.isValid(label.name) {
            if let resource = resource(forLabel: label.name), found[resource] == nil { found[resource] = label.name }
        }
        return found.map { ($0.key, $0.value) }.sorted { $0.resource.groupResource < $1.resource.groupResource }
    }
}
