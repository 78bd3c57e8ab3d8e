import Foundation

/// Runs the reference Python client's parsers (`prometheus_client`) on bytes
/// and returns what they understood, values as Python `repr(float)` strings.
enum PythonParser {
    struct Family: Decodable {
        var name: String
        var type: String
        var help: String
        var unit: String
        var samples: [Sample]

        func sample(_ name: String, _ labels: [String: String] = [:]) -> Sample? {
            samples.first { $0.name == name && $0.labels == labels }
        }
    }

    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
        var value: String
        var timestamp: String?

        var number: Double? { Double(value) }
    }

    enum Dialect: String {
        case text = "prometheus_client.parser"
        case openMetrics = "prometheus_client.openmetrics.parser"
    }

    static let python = "/usr/bin/env"

    static var isAvailable: Bool {
        (try? ExternalTool.run(python, ["python3", "-c", "import prometheus_client"], input: []).status) == 0
    }

    static func parse(_ bytes: [UInt8], as dialect: Dialect) throws -> (families: [Family], error: String?) {
        let script = """
            import json, sys
            from \(dialect.rawValue) import text_string_to_metric_families
            out = []
            for f in text_string_to_metric_families(sys.stdin.read()):
                out.append({"name": f.name, "type": f.type, "help": f.documentation, "unit": f.unit,
                    "samples": [{"name": s.name, "labels": dict(s.labels), "value": repr(float(s.value)),
                                 "timestamp": None if s.timestamp is None else repr(float(s.timestamp))}
                                for s in f.samples]})
            print(json.dumps(out))
            """
        let result = try ExternalTool.run(python, ["python3", "-c", script], input: bytes)
        guard result.status == 0 else { return ([], result.standardError) }
        let families = try JSONDecoder().decode([Family].self, from: Data(result.standardOutput.utf8))
        return (families, nil)
    }
}
