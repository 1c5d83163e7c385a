import Warehouse

/// Each platform's SKU codes mapped to the seller's master SKU, from `ref_sku_map`.
public struct SKUMap: Sendable {
    public struct Entry: Sendable, Hashable {
        public var skuMaster: String
        public var productName: String?
        public var category: String?
        public var brand: String?
        public var cost: String?
    }

    private var entries: [String: [String: Entry]]

    public init(entries: [String: [String: Entry]] = [:]) {
        self.entries = entries
    }

    public static func load(from warehouse: any Warehouse) async throws -> SKUMap {
        var map = SKUMap()
        for row in try await warehouse.query("SELECT platform, platform_sku, sku_master, product_name, category, brand, cost FROM ref_sku_map") {
            map.entries[row.text("platform"), default: [:]][row.text("platform_sku")] = Entry(
                skuMaster: row.text("sku_master"), productName: row.optionalText("product_name"),
                category: row.optionalText("category"), brand: row.optionalText("brand"), cost: row.optionalText("cost"))
        }
        return map
    }

    /// The master entry of a platform SKU, or `nil` when it is not mapped.
    public func entry(platform: String, sku: String) -> Entry? { entries[platform]?[sku] }

    public var isEmpty: Bool { entries.isEmpty }
}
