import Agent360Server
import ArgumentParser
import DemoWorkload
import Logging
import ServiceLifecycle

struct DemoAppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-app",
        abstract: "Run a synthetic application fleet that exposes request, error, latency, CPU and memory metrics.",
        discussion: """
        Point a Prometheus at its /metrics to have realistic raw metrics for agent360's rules:
        counters with resets, vanishing pods (stale markers), bursts, histograms and gauges.
        Change the load while it runs: curl -X POST 'http://HOST:PORT/control?rps=200&errorRatio=0.1'
        """
    )

    @Option(name: .long, help: "Listen address HOST:PORT.")
    var listen = "127.0.0.1:19100"

    @Option(name: .long, help: "Number of simulated pods.")
    var pods = 3

    @Option(name: .long, help: "Mean requests per second per pod.")
    var rps = 20.0

    @Option(name: .long, help: "Share of requests that fail with 5xx.")
    var errorRatio = 0.02

    @Option(name: .long, help: "Kubernetes namespace label.")
    var namespace = "default"

    @Option(name: .long, help: "Workload label (pods are named WORKLOAD-0000, …).")
    var workload = "agent360-demo"

    @Option(name: .long, help: "Seconds between simulated pod restarts (0 = never).")
    var restartEvery = 90.0

    @Option(name: .long, help: "Seconds between simulated pod disappearances (0 = never).")
    var gapEvery = 150.0

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 360

    func run() async throws {
        guard let address = HostPort(listen) else { throw ValidationError("--listen \"\(listen)\" is not HOST:PORT") }
        guard pods > 0 else { throw ValidationError("--pods must be at least 1") }
        var options = DemoWorkloadOptions()
        options.pods = pods
        options.requestsPerSecond = rps
        options.errorRatio = errorRatio
        options.namespace = namespace
        options.workload = workload
        options.restartEverySeconds = restartEvery
        options.gapEverySeconds = gapEvery
        options.seed = seed
        let logger = Logger(label: "agent360-demo")
        let service = DemoWorkloadService(options: options, host: address.host, port: address.port, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
