import ArgumentParser
import Foundation

struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Show sizing recommendations per workload and the monthly cost breakdown from a running agent360.",
        discussion: """
        Reads GET /api/v1/recommendations and GET /api/v1/costs.
        Exit codes: 0 ok, 1 the server answered with an error, 3 the server cannot be reached.
        """
    )

    @Option(name: .long, help: "Base URL of agent360.")
    var server = "http://127.0.0.1:9360"

    @Option(name: .long, help: "History the p95s cover (default: the server's recommendations.window).")
    var window: String?

    @Option(name: .long, help: "table or json (both answers' data objects).")
    var output: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument { case table, json }

    func run() async throws {
        let (recommendations, costs) = try await ServerAPIClient.with(command: "recommend", server: server) { client in
            let recommendations = try await client.data("/api/v1/recommendations", window.map { [("window", $0)] } ?? [])
            let costs = try await client.data("/api/v1/costs")
            return (recommendations, costs)
        }
        switch output {
        case .json:
            let combined: [String: Any] = ["recommendations": recommendations, "costs": costs]
            let data = try JSONSerialization.data(withJSONObject: combined, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .table:
            print(Self.recommendationsText(recommendations as? [String: Any] ?? [:]))
            print(Self.costText(costs as? [String: Any] ?? [:]), terminator: "")
        }
    }

    static func recommendationsText(_ data: [String: Any]) -> String {
        let workloads = data["workloads"] as? [[String: Any]] ?? []
        var rows: [[String]] = [["NAMESPACE", "WORKLOAD", "CPU P95", "MEMORY P95", "REQ/S P95", "ACTION", "REASON"]]
        for workload in workloads {
            let prefix = [text(workload["namespace"]), text(workload["workload"]), number(workload["cpuP95"]),
                          number(workload["memoryP95"]), number(workload["requestRateP95"])]
            let actions = workload["recommendations"] as? [[String: Any]] ?? []
            if actions.isEmpty { rows.append(prefix + ["-", "right-sized"]) }
            for (index, action) in actions.enumerated() {
                let lead = index == 0 ? prefix : Array(repeating: "", count: prefix.count)
                rows.append(lead + [text(action["action"]), text(action["reason"])])
            }
        }
        var out = "Recommendations (p95 over \(text(data["window"])))\n"
        out += workloads.isEmpty ? "no workload has agent360_cpu_utilization or agent360_memory_utilization data\n" : table(rows)
        return out
    }

    static func costText(_ data: [String: Any]) -> String {
        let currency = text(data["currency"])
        var rows: [[String]] = [["CATEGORY", "NAME", "MONTHLY", "SHARE"]]
        for line in data["breakdown"] as? [[String: Any]] ?? [] {
            rows.append([text(line["category"]), text(line["name"]), money(line["amount"]), number(line["percent"]) + "%"])
        }
        rows.append(["total", "", money(data["total"]), "100%"])
        var out = "Monthly cost (\(currency), 30 days)\n" + table(rows)
        let usage = data["usage"] as? [String: Any] ?? [:]
        let sources = data["usageSources"] as? [String: Any] ?? [:]
        func part(_ label: String, _ key: String, _ source: String, _ unit: String) -> String {
            "\(label) \(number(usage[key]))\(unit) (\(text(sources[source])))"
        }
        out += "usage: " + [
            part("vCPUs", "vcpus", "vcpus", ""), part("memory", "memoryGiB", "memoryGiB", " GiB"),
            part("storage", "storageGiB", "storageGiB", " GiB"), part("egress", "networkEgressGiB", "networkGiBPerMonth", " GiB"),
            part("on-demand hours", "onDemandHours", "onDemandHoursLast30Days", ""),
            part("compute utilization", "computeUtilization", "computeUtilization", ""),
        ].joined(separator: ", ") + "\n"
        let savings = data["recommendations"] as? [[String: Any]] ?? []
        if savings.isEmpty {
            out += "\nNo cost recommendations.\n"
        } else {
            var saving: [[String]] = [["ACTION", "SAVING/MONTH", "REASON"]]
            for item in savings { saving.append([text(item["action"]), money(item["estimatedMonthlySaving"]), text(item["reason"])]) }
            saving.append(["combined", money(data["combinedEstimatedMonthlySaving"]), "all of the above applied together"])
            out += "\nSavings (\(currency))\n" + table(saving)
        }
        return out
    }

    /// Left-aligned columns two spaces apart; the last column is left ragged.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func text(_ any: Any?) -> String {
        switch any {
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        default: return "-"
        }
    }

    /// Up to three decimals, trailing zeros trimmed; `-` when missing.
    static func number(_ any: Any?) -> String {
        guard let value = (any as? NSNumber)?.doubleValue else { return "-" }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func money(_ any: Any?) -> String {
        guard let value = (any as? NSNumber)?.doubleValue else { return "-" }
        return String(format: "%.2f", value)
    }
}
