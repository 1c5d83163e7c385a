import ArgumentParser
import Dashboard
import Foundation

/// `omnidash user remove NAME`.
struct UserRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user and end their sessions.")

    @OptionGroup var options: UserOptions
    @Argument(help: "The user name.") var name: String

    func run() async throws {
        try await options.withAccounts { try await $0.remove(name: name) }
        Terminal.note("user: removed \(name)")
    }
}
