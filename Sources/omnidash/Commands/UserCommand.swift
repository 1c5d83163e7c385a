import ArgumentParser
import Dashboard
import Foundation
import OmnidashCore

/// `omnidash user add|passwd|list|remove`: who may sign in to the dashboard, kept in the warehouse.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage who may sign in to the dashboard.",
        discussion: """
            Roles: admin (everything, users and settings), analyst (every page), viewer (every page without cost, fee \
            and profit figures). Passwords are asked for without echo, or read from stdin with --password-stdin.
            """,
        subcommands: [UserAdd.self, UserPasswd.self, UserList.self, UserRemove.self])
}

/// The roles as `--role` reads them.
extension UserRole: ExpressibleByArgument {}

