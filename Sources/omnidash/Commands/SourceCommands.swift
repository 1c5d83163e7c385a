import ArgumentParser

/// The commands that belong to one source, each living in its source's folder: one line each.
enum SourceCommands {
    /// `omnidash import <kind> FILE`.
    static let imports: [any ParsableCommand.Type] = [ImportShopeeOrders.self, ImportGA4Events.self]
    /// `omnidash sandbox export <kind>`.
    static let exports: [any ParsableCommand.Type] = [ExportShopeeOrders.self, ExportGA4Events.self]
    /// `omnidash bench <name>`.
    static let benchmarks: [any ParsableCommand.Type] = [BenchIngest.self]
}
