import Agent360Server
import ArgumentParser

/// `agent360`: exporter, remote-write receiver and Kubernetes metrics API in one binary.
@main
struct Agent360Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent360",
        abstract: "Autoscaling on application signals: exporter, remote-write store, PromQL and Kubernetes metrics APIs.",
        version: Agent360Version.current,
        subcommands: [ServeCommand.self, CheckConfigCommand.self, QueryCommand.self, SimulateCommand.self, RecommendCommand.self,
                      DemoAppCommand.self, HashPasswordCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
