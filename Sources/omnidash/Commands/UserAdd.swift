import ArgumentParser
import Dashboard
import Foundation

/// `omnidash user add NAME --role R`.
struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user who may sign in.")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name (letters, digits, '.', '_', '-', '@').") var name: String
    @Option(help: "admin, analyst or viewer.") var role: UserRole
    @Flag(help: "Read the password from the first line of stdin instead of asking for it.") var passwordStdin = false

    func run() async throws {
        let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
        try await options.withAccounts { try await $0.add(name: name, role: role, password: password) }
        Terminal.note("user: added \(name) (\(role.rawValue))")
    }
}
