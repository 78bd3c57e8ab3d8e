import Agent360Server
import KubeAPIServer
import ArgumentParser
import Logging
import Metrics
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run agent360 (uses the embedded default configuration without --config)."
    )

    @Option(name: .long, help: "YAML configuration file.")
    var config: String?

    @Option(name: .long, help: "Plain HTTP listen address HOST:PORT (overrides server.listen).")
    var listen: String?

    @Option(name: .customLong("storage.path"),
            help: "Directory of the write-ahead log and checkpoints (overrides storage.path; \"\" = memory only).")
    var storagePath: String?

    @Option(name: .customLong("web.config.file"),
            help: "Prometheus web configuration (TLS, basic_auth_users) for the plain listener (overrides server.webConfigFile).")
    var webConfigFile: String?

    @Option(name: .customLong("adapter-config"),
            help: "prometheus-adapter configuration file (rules, externalRules, resourceRules); overrides metricsAPI.adapterConfig.")
    var adapterConfig: String?

    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (overrides server.logLevel).")
    var logLevel: String?

    @OptionGroup(title: "Kubernetes metrics APIs (kube-apiserver flag names; override secureAPI.*)")
    var kubeFlags: KubeAPIFlags

    func run() async throws {
        var settings: Agent360Config
        do {
            settings = try Agent360Config.load(path: config)
        } catch {
            printToStandardError("agent360: invalid configuration: \(error)")
            throw ExitCode(2)
        }
        if let listen {
            guard let address = HostPort(listen) else {
                throw ValidationError("--listen \"\(listen)\" is not HOST:PORT")
            }
            settings.server.listen = address
        }
        if let storagePath { settings.storage.path = storagePath }
        if let adapterConfig {
            do {
                settings.kubernetes.adapterConfigFile = adapterConfig
                settings.kubernetes.adapter = try AdapterConfigFile.load(path: adapterConfig)
            } catch {
                printToStandardError("agent360: invalid adapter configuration: \(error)")
                throw ExitCode(2)
            }
        }
        if let webConfigFile { settings.server.webConfigFile = webConfigFile.isEmpty ? nil : webConfigFile }
        if let logLevel {
            guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
                throw ValidationError("--log-level \"\(logLevel)\" is not a log level")
            }
            settings.server.logLevel = level
        }
        do {
            try settings.kubernetes.secure.apply(flags: kubeFlags.flags)
        } catch {
            throw ValidationError("\(error)")
        }
        let level = settings.server.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let selfMetrics = SelfMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: selfMetrics.registry))
        var server: Agent360Server
        do {
            server = try Agent360Server(config: settings, logger: Logger(label: "agent360"), metrics: selfMetrics)
        } catch {
            printToStandardError("agent360: invalid configuration: \(error)")
            throw ExitCode(2)
        }
        do {
            try server.openStorage()
        } catch {
            printToStandardError("agent360: cannot use storage.path: \(error)")
            throw ExitCode(2)
        }
        try await server.run()
    }
}
