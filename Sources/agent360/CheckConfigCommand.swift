import Agent360Server
import ArgumentParser

struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration file; errors name the line and key."
    )

    @Argument(help: "The YAML configuration file to check.")
    var file: String?

    @Flag(name: .long, help: "Print the embedded default configuration and exit.")
    var printDefault = false

    @Option(name: .customLong("web-config"), help: "Also check a web configuration file (--web.config.file format).")
    var webConfig: String?

    @Option(name: .customLong("adapter-config"), help: "Also check a prometheus-adapter configuration file (rules, externalRules, resourceRules).")
    var adapterConfig: String?

    func run() throws {
        if printDefault {
            print(DefaultConfig.yaml)
            return
        }
        guard file != nil || webConfig != nil || adapterConfig != nil else { throw ValidationError("give a FILE to check, or --print-default") }
        do {
            if let file {
                _ = try Agent360Config.load(path: file)
                print("\(file): configuration is valid")
            }
            if let webConfig {
                let web = try WebConfigFile.load(path: webConfig)
                print("\(webConfig): web configuration is valid (TLS \(web.tls == nil ? "off" : "on"), \(web.users.count) basic-auth user(s))")
            }
            if let adapterConfig {
                let adapter = try AdapterConfigFile.load(path: adapterConfig)
                print("\(adapterConfig): prometheus-adapter configuration is valid (\(adapter.rules.count) rule(s), "
                    + "\(adapter.externalRules.count) external rule(s), resource rules \(adapter.resourceRules == nil ? "absent" : "present"))")
            }
        } catch {
            printToStandardError("\(error)")
            throw ExitCode(1)
        }
    }
}
