import ArgumentParser
import Connectors
import Foundation
import OmnidashCore
import Transform
import Warehouse

/// `omnidash import shopee-orders FILE`: Shopee orders from a JSON-lines file, through the connector's own parser.
struct ImportShopeeOrders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopee-orders",
        abstract: "Import JSON lines, each a Shopee order exactly as order/get_order_detail returns it in response.order_list[].")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON-lines file.")
    var file: String

    @Option(help: "The shop the orders belong to (default: the only shop in sources.shopee).")
    var shopID: Int64?

    @Flag(inversion: .prefixedNo, help: "Build staging and marts afterwards.")
    var transform = true

    func run() async throws {
        // The shop list comes from sources.shopee when its variables are set; importing files needs no API credentials.
        let configuration = try (try? ConfigurationLoader.load(global, unused: [.fx]))
            ?? (try ConfigurationLoader.load(global, unused: [.fx, .sources]))
        guard let piiKey = configuration.secrets.piiKey, piiKey.count >= 16 else {
            throw CommandFailure("import: secrets.pii_key must be set (16+ characters): buyer PII is hashed before it is stored")
        }
        do {
            try ReadableFile.check(file)
        } catch {
            throw CommandFailure("import: \(error)")
        }
        let shops = configuration.sources[ShopeeSettings.self]?.shops.map(\.shopID) ?? []
        guard let shop = shopID ?? (shops.count == 1 ? shops[0] : nil) else {
            throw CommandFailure("import: name the shop with --shop-id (the configuration lists \(shops.count) Shopee shops)")
        }
        try await Runtime.withWarehouse(configuration) { warehouse in
            // With the transform to follow, each page is staged as it is loaded: the transform then only rebuilds marts.
            let staging = transform ? try await LoadStaging.prepare(warehouse: warehouse, configuration: configuration) : nil
            let result = try await Self.importFile(file, shopID: String(shop), piiKey: piiKey, warehouse: warehouse, staging: staging)
            if transform {
                try await Transform.transform(configuration: configuration, warehouse: warehouse, stagedDates: result.stagedDates)
            }
            if result.rejects > 0 {
                Terminal.note("import: \(Terminal.count(result.rejects)) records rejected; see raw_rejects for each reason")
            }
        }
    }

    @discardableResult
    static func importFile(_ file: String, shopID: String, piiKey: String, warehouse: any Warehouse,
                           staging: LoadStaging? = nil) async throws -> ShopeeOrdersFileImport.Result {
        let runID = "import-\(UUID().uuidString.prefix(8).lowercased())"
        var importer = ShopeeOrdersFileImport(sink: RawSink(warehouse: warehouse, runID: runID),
                                              parser: ShopeeOrderParser(hasher: PIIHasher(secret: piiKey)), shopID: shopID)
        if let staging {
            // A page that cannot be staged now (an FX rate missing) is loaded as it is; the transform stages it and says why.
            importer.stager = { orders, loadedAt in try? staging.shopeeOrders(orders, loadedAt: loadedAt) }
        }
        let result = try await importer.run(path: file) { progress in
            Terminal.progress("import: \(Terminal.count(progress.records)) orders, \(Terminal.count(progress.rejects)) rejected")
        }
        Terminal.note("import \(runID): \(Terminal.count(result.records)) orders loaded\(staging == nil ? "" : " and staged"), \(Terminal.count(result.rejects)) rejected from \(file)")
        if result.unstagedPages > 0 {
            Terminal.note("import: \(Terminal.count(result.unstagedPages)) pages could not be staged as they loaded; the transform stages them")
        }
        if !result.unknownStatuses.isEmpty {
            Terminal.note("import: unknown order statuses counted as pending: \(result.unknownStatuses.map { "\($0.key) ×\($0.value)" }.sorted().joined(separator: ", "))")
        }
        return result
    }
}
