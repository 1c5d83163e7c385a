import ArgumentParser
import OmnidashCore
import Transform
import Warehouse

struct Transform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build staging and marts for the business dates that changed since the last run.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Rebuild all staging and marts from the raw layer.")
    var full = false

    func run() async throws {
        let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
        try await Runtime.withWarehouse(configuration) { warehouse in
            try await Self.transform(configuration: configuration, warehouse: warehouse, full: full)
        }
    }

    @discardableResult
    static func transform(configuration: OmnidashConfiguration, warehouse: any Warehouse, full: Bool = false,
                          stagedDates: Set<BusinessDate> = []) async throws -> TransformReport {
        Terminal.progress("transform: building staging and marts…")
        let report = try await TransformRunner(warehouse: warehouse, configuration: configuration, logger: Runtime.logger("transform"))
            .run(full: full, stagedDates: stagedDates)
        announce(report)
        return report
    }

    /// What a transform did, in a line or two.
    static func announce(_ report: TransformReport) {
        let staged = report.stagedRows.values.reduce(0, +)
        if let range = report.martRange {
            Terminal.note("transform: \(Terminal.count(staged)) staging rows; marts rebuilt for \(range) (\(range.dayCount) days)")
        } else {
            Terminal.note("transform: nothing changed since the last run")
        }
        if !report.unknownStatuses.isEmpty {
            Terminal.note("transform: unknown order statuses counted as pending: \(report.unknownStatuses.map { "\($0.key) ×\($0.value)" }.sorted().joined(separator: ", "))")
        }
    }
}
