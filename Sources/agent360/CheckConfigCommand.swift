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

    func run() throws {
        if printDefault {
            print(DefaultConfig.yaml)
            return
        }
        guard let file else { throw ValidationError("give a FILE to check, or --print-default") }
        do {
            _ = try Agent360Config.load(path: file)
            print("\(file): configuration is valid")
        } catch {
            printToStandardError("\(error)")
            throw ExitCode(1)
        }
    }
}
