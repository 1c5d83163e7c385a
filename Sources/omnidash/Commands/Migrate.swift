import ArgumentParser

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending warehouse migrations.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
        let applied = try await Runtime.withWarehouse(configuration, migrate: false) { try await $0.migrate() }
        Terminal.note(applied.isEmpty ? "migrate: the warehouse is up to date" : "migrate: applied \(applied.joined(separator: ", "))")
    }
}
