import ArgumentParser

/// Load generators and probes for the side-by-side benchmarks in
/// `scripts/bench.sh`. Each prints one JSON object the script tabulates.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent360-bench",
        abstract: "Benchmark clients for agent360 and Prometheus (remote write, query latency, API freshness, contention, soak).",
        subcommands: [SendCommand.self, DecodeCommand.self, QueryLatencyCommand.self, FreshnessCommand.self, IndexContentionCommand.self, ContentionCommand.self,
                      SoakCommand.self]
    )
}
