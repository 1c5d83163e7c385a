import ArgumentParser
import Foundation
import OmnidashCore
import Transform
import Warehouse

/// `omnidash import sku-map FILE.csv`: the seller's SKU map and costs, checked whole, replacing the warehouse's, then
/// every order restaged so each line carries its master SKU.
struct ImportSKUMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sku-map",
        abstract: "Import the SKU map: each marketplace SKU's master SKU, product, category, brand and cost (CSV).",
        discussion: """
            Columns (a header row first): sku_master, platform (\(Platform.allCases.filter { $0.kind == .marketplace }.map(\.rawValue).joined(separator: ", "))), platform_sku, and optionally \
            product_name, category, brand, cost (THB) and cost_effective_from (YYYY-MM-DD; a later cost applies from \
            that date on). The file replaces the map the warehouse held; a file with any problem changes nothing.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(inversion: .prefixedNo, help: "Restage every order and rebuild the marts afterwards, so the new map applies.")
    var transform = true

    func run() async throws {
        let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
        let text: String
        do {
            try ReadableFile.check(file)
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure("import: \(error)")
        }
        let map: SKUMapFile
        do {
            map = try SKUMapFile(text, name: file)
        } catch {
            throw CommandFailure("import: \(error)")
        }
        try await Runtime.withWarehouse(configuration) { warehouse in
            let runID = "sku-map-\(UUID().uuidString.prefix(8).lowercased())"
            try await warehouse.write(map.replacement(loadedAt: Timestamp.now(), runID: runID))
            Terminal.note("import \(runID): \(Terminal.count(map.mappings.count)) platform SKUs mapped to \(Terminal.count(map.masterCount)) master SKUs, \(Terminal.count(map.costs.count)) costs, from \(file)")
            guard transform else { return }
            try await Transform.transform(configuration: configuration, warehouse: warehouse, full: true)
            let unmapped = try await UnmappedSKUs.list(warehouse)
            if !unmapped.isEmpty {
                Terminal.note("import: \(Terminal.count(unmapped.count)) platform SKUs in orders have no master SKU; see `omnidash skus unmapped`")
            }
        }
    }
}
