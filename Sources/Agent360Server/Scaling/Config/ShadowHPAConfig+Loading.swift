#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Scaling

extension ShadowHPAConfig {
    /// Reads and validates every HorizontalPodAutoscaler in `file`.
    ///
    /// A relative `file` is resolved against `directory` (the configuration
    /// file's directory, like `rules.files`), or the working directory when
    /// nil. Errors point at `scaling.hpa.file` in the configuration and quote
    /// the manifest's own line and field, so both places are found at once.
    public mutating func loadAutoscalers(relativeTo directory: String?) throws(ConfigError) {
        let path: String
        if file.hasPrefix("/") || directory == nil {
            path = file
        } else {
            path = URL(fileURLWithPath: directory ?? ".").appendingPathComponent(file).path
        }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else { throw located("\(path) is not valid UTF-8") }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw located("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            autoscalers = try HorizontalPodAutoscaler.parseAll(yaml: text)
        } catch {
            throw located("\(path): \(error)")
        }
        guard !autoscalers.isEmpty else { throw located("\(path): no document with kind: HorizontalPodAutoscaler found") }
        var names = Set<String>()
        for autoscaler in autoscalers where !names.insert("\(namespace(of: autoscaler))/\(autoscaler.name)").inserted {
            throw located("\(path): HorizontalPodAutoscaler \(namespace(of: autoscaler))/\(autoscaler.name) appears twice")
        }
    }

    /// The namespace an HPA lives in: its own, else `scaling.hpa.namespace`.
    func namespace(of autoscaler: HorizontalPodAutoscaler) -> String {
        autoscaler.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
    }

    private func located(_ message: String) -> ConfigError {
        ConfigError.invalidValue("scaling.hpa.file", line: line, column: column, message)
    }
}

extension Agent360Config {
    /// Loads the files the scaling section names (the shadow HPA manifest).
    /// `Agent360Server` calls it when the caller has not; `load(path:)` may
    /// call it with the configuration's directory so relative paths and
    /// `check-config` behave as for `rules.files`.
    public mutating func loadScalingFiles(relativeTo directory: String?) throws(ConfigError) {
        try scaling.hpa?.loadAutoscalers(relativeTo: directory)
    }
}
