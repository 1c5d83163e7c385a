import ArgumentParser
import Foundation
import OmnidashCore
import Transform
import Warehouse

/// `omnidash skus …`: the SKU master as the warehouse sees it.
struct SKUs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skus",
        abstract: "The SKU master: which marketplace SKUs have no master SKU yet.",
        subcommands: [Unmapped.self])

    /// `omnidash skus unmapped`: each platform SKU in orders that the map does not know, with its sales and a suggestion.
    struct Unmapped: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the marketplace SKUs in orders that have no master SKU, with a suggested one; their sales count under 'unmapped'.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print CSV (platform, platform_sku, product_name, units, revenue, suggested_sku_master, reason) for the SKU map.")
        var csv = false

        func run() async throws {
            let configuration = try ConfigurationLoader.load(global, unused: [.secrets, .sources, .fx])
            try await Runtime.withWarehouse(configuration) { warehouse in
                let entries = try await UnmappedSKUs.list(warehouse)
                if csv {
                    Terminal.print("platform,platform_sku,product_name,units,revenue,suggested_sku_master,reason")
                    for entry in entries {
                        let fields = [entry.platform.rawValue, entry.platformSKU, entry.productName ?? "", String(entry.units),
                                      Money.format(minorUnits: entry.revenueMinor, digits: 2), entry.suggestion?.skuMaster ?? "",
                                      entry.suggestion?.reason ?? ""]
                        Terminal.print(fields.map(Self.csvField).joined(separator: ","))
                    }
                    return
                }
                guard !entries.isEmpty else {
                    Terminal.note("skus: every SKU in the warehouse's orders has a master SKU")
                    return
                }
                Terminal.note("skus: \(Terminal.count(entries.count)) marketplace SKUs have no master SKU; their sales count under 'unmapped'")
                for entry in entries {
                    let suggestion = entry.suggestion.map { "→ \($0.skuMaster) (\($0.reason))" } ?? "→ no suggestion"
                    Terminal.print("\(entry.platform.rawValue)\t\(entry.platformSKU)\t\(entry.units) units\t฿\(Money.format(minorUnits: entry.revenueMinor, digits: 2))\t\(suggestion)\t\(entry.productName ?? "")")
                }
            }
        }

        /// A CSV field, quoted when it holds a comma, a quote or a line break.
        static func csvField(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
    }
}
