import ArgumentParser
import Dashboard
import Foundation

/// `omnidash user list`: one line per user, name, role and when added, tab-separated.
struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users and their roles.")

    @OptionGroup var options: UserOptions

    func run() async throws {
        let users = try await options.withAccounts { try await $0.list() }
        if users.isEmpty { Terminal.note("user: no users yet; add one with `omnidash user add NAME --role admin`") }
        for user in users { Terminal.print("\(user.name)\t\(user.role.rawValue)\t\(user.createdAt)") }
    }
}
