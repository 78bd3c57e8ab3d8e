import Agent360Server
import ArgumentParser
import Foundation
import Scaling

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a HorizontalPodAutoscaler on recorded or invented load and show what it would do.",
        discussion: """
        Input is a CSV file (time,<metric>,... or time,metric,value; time as unix seconds or RFC 3339; \
        Utilization metrics as ratios, 0.85 = 85%) or the series a Prometheus-compatible server holds, \
        fetched with /api/v1/query_range.

        Default queries (NS = the HPA's namespace, T = its scaleTargetRef.name): cpu or memory \
        Utilization → avg(agent360_cpu_utilization{namespace="NS",workload="T"}); External or Object X \
        → sum(X{namespace="NS",<selector>}); Pods X → avg(X{namespace="NS",workload="T",<selector>}).

        Examples:
          agent360 simulate --hpa examples/guide-hpa.yaml \\
            --csv examples/load-ramp.csv --chart chart.svg
          agent360 simulate --hpa hpa.yaml --server http://127.0.0.1:9360 \\
            --start now-1h --end now \\
            --query 'cpu=avg(agent360_cpu_utilization{workload="web"})'

        Exit codes: 0 ok, 1 the server answered with an error, 2 invalid input (HPA, CSV, options), \
        3 the server cannot be reached.
        """
    )

    @Option(name: .long, help: "autoscaling/v2 HorizontalPodAutoscaler manifest (other documents in the file are skipped).")
    var hpa: String

    @Option(name: .long, help: "Which HorizontalPodAutoscaler of the file, by metadata.name (default: the first).")
    var name: String?

    @Option(name: .long, help: "Input series from a CSV file.")
    var csv: String?

    @Option(name: .long, help: "Input series from this server's /api/v1/query_range (agent360 or any Prometheus).")
    var server: String?

    @Option(name: .long, help: "With --server: first sync, as unix seconds, RFC 3339, now or now-DURATION.")
    var start = "now-1h"

    @Option(name: .long, help: "With --server: last sync (same forms as --start).")
    var end = "now"

    @Option(name: .long, help: "With --server: query resolution (a Prometheus duration).")
    var step = "15s"

    @Option(name: .long, parsing: .singleValue, help: "With --server: METRIC=PROMQL replaces a metric's default query (repeatable).")
    var query: [String] = []

    @Option(name: .long, help: "With --server: namespace of an HPA whose manifest has none.")
    var namespace = "default"

    @Option(name: .long, help: "Replicas before the first sync (default: minReplicas).")
    var replicas: Int?

    @Option(name: .long, help: "Controller sync period (--horizontal-pod-autoscaler-sync-period).")
    var syncPeriod = "15s"

    @Option(name: .long, help: "Per-pod inputs were measured with this many replicas; rescale them to the simulated count.")
    var recordedReplicas: Int?

    @Option(name: .long, help: "table, csv or json.")
    var output: OutputFormat = .table

    @Option(name: .long, help: "Also write the replay as an SVG chart to this file.")
    var chart: String?

    enum OutputFormat: String, ExpressibleByArgument { case table, csv, json }

    func validate() throws {
        guard (csv == nil) != (server == nil) else { throw ValidationError("give exactly one of --csv FILE or --server URL") }
        if csv != nil, !query.isEmpty { throw ValidationError("--query needs --server") }
        if let replicas, replicas < 0 { throw ValidationError("--replicas must not be negative") }
        if let recordedReplicas, recordedReplicas <= 0 { throw ValidationError("--recorded-replicas must be positive") }
    }

    func run() async throws {
        let autoscaler = try loadAutoscaler()
        guard let period = ConfigDuration(syncPeriod), period.milliseconds > 0 else {
            throw failure("--sync-period \"\(syncPeriod)\" is not a positive duration such as 15s")
        }
        var options = SimulationOptions(startReplicas: replicas, syncPeriodSeconds: period.seconds)
        if let recordedReplicas { options.loadModel = .spreadLoad(recordedReplicas: recordedReplicas) }
        let series: [String: MetricSeries]
        var header: [String] = []
        if let csv {
            series = try readCSV(csv)
        } else {
            let range = try timeRange()
            options.start = range.start
            options.end = range.end
            let fetched = try await fetch(autoscaler, range: range)
            series = fetched.0
            header = fetched.1
        }
        let result: SimulationResult
        do {
            result = try HPASimulator(autoscaler: autoscaler, options: options).run(series: series)
        } catch {
            throw failure("\(error)")
        }
        switch output {
        case .table: print((header + [result.textTable()]).joined(separator: "\n"), terminator: "")
        case .csv: print(result.csv(), terminator: "")
        case .json: print(String(decoding: try result.jsonData(), as: UTF8.self))
        }
        if let chart {
            do {
                try result.svg().write(toFile: chart, atomically: true, encoding: .utf8)
            } catch {
                throw failure("cannot write \(chart): \(error.localizedDescription)")
            }
            printToStandardError("agent360 simulate: chart written to \(chart)")
        }
    }

    private func loadAutoscaler() throws -> HorizontalPodAutoscaler {
        let text = try readText(hpa)
        let all: [HorizontalPodAutoscaler]
        do {
            all = try HorizontalPodAutoscaler.parseAll(yaml: text)
        } catch {
            throw failure("\(hpa): \(error)")
        }
        guard !all.isEmpty else { throw failure("\(hpa): no document with kind: HorizontalPodAutoscaler found") }
        guard let name else { return all[0] }
        guard let chosen = all.first(where: { $0.name == name }) else {
            throw failure("\(hpa): no HorizontalPodAutoscaler named \(name) (found: \(all.map(\.name).joined(separator: ", ")))")
        }
        return chosen
    }

    private func readCSV(_ path: String) throws -> [String: MetricSeries] {
        do {
            return try MetricSeriesCSV.read(try readText(path))
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("\(path): \(error)")
        }
    }

    private func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw failure("\(path) is not UTF-8 text") }
        return text
    }
}
