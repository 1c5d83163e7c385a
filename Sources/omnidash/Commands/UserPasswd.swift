import ArgumentParser
import Dashboard
import Foundation

/// `omnidash user passwd NAME`.
struct UserPasswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd",
                                                    abstract: "Set a user's password; their sessions end.")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name.") var name: String
    @Flag(help: "Read the password from the first line of stdin instead of asking for it.") var passwordStdin = false

    func run() async throws {
        let password = try PasswordInput.read(fromStdin: passwordStdin, confirm: true)
        try await options.withAccounts { try await $0.setPassword(name: name, password: password) }
        Terminal.note("user: set the password of \(name); their sessions have ended")
    }
}
