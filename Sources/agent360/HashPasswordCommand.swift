import ArgumentParser
import ListenerSecurity

/// `agent360 hash-password`: a bcrypt hash for `basic_auth_users`, so a
/// web configuration can be written without installing apache2-utils.
struct HashPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Read a password from standard input (first line) and print its bcrypt hash for basic_auth_users."
    )

    @Option(name: .long, help: "bcrypt cost, 4 to 31 (each step doubles the time one login check takes).")
    var cost = 10

    func run() throws {
        guard let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw ValidationError("give the password on standard input, e.g. echo -n secret | agent360 hash-password")
        }
        do {
            print(try BcryptHash.generate(password: password, cost: cost).encoded)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
