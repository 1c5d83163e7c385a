import ArgumentParser
import Dashboard
import Foundation
import OmnidashCore

/// What every `user` subcommand shares: the configuration and the bcrypt cost.
struct UserOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    // Hidden: production keeps bcrypt's cost at 12; tests lower it so that a hash takes milliseconds.
    @Option(help: .hidden)
    var passwordCost: UInt8 = UserAccounts.productionPasswordCost

    func validate() throws {
        guard (4...31).contains(passwordCost) else { throw ValidationError("--password-cost must be 4…31") }
    }

    func withAccounts<T>(_ body: (UserAccounts) async throws -> T) async throws -> T {
        let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
        return try await Runtime.withWarehouse(configuration) { warehouse in
            do {
                return try await body(UserAccounts(warehouse: warehouse, passwordCost: passwordCost))
            } catch let error as UserAccountError {
                throw CommandFailure("user: \(error)")
            }
        }
    }
}
