import OmnidashCore
import Transform
import Warehouse

extension ProductAnalytics {
    public struct Model: Sendable, Hashable, Codable {
        public var filters: DashboardFilters
        /// The marketplaces with shops, for the marketplace control.
        public var shops: [ScopeForm.Shop]
        /// In this order: revenue, units, cost, gross profit, margin, marketplace fees, profit after fees.
        public var kpis: [KPIValue]
        /// Every master SKU (and `unmapped`) that sold in the range, by revenue, largest first.
        public var products: [ProductRow]
        /// The product `filters.sku` names, day by day; `nil` without one.
        public var detail: Detail?
        /// Marketplace SKUs in orders without a master SKU, over every staged date.
        public var unmapped: [UnmappedSKU]
    }

    /// The marketplaces a product's revenue is split across, in column order.
    /// The marketplaces `mart_product_performance` has columns for (`<platform>_units`, `<platform>_revenue_minor`).
    public static let marketplaces: [Platform] = Platform.allCases.filter { platform in
        platform.kind == .marketplace && MartTables.productPerformance.columnNames.contains("\(platform.rawValue)_units")
    }

    public struct ProductRow: Sendable, Hashable, Codable {
        public var skuMaster: String
        public var productName: String?
        public var category: String?
        public var units: Int64
        public var revenueMinor: Int64
        /// Revenue per marketplace, in `marketplaces` order, then every other one.
        public var revenueByMarketplaceMinor: [Int64]
        /// `nil` when a unit sold in the range has no cost.
        public var costMinor: Int64?
        /// The settled orders' fees allocated to the product, and its revenue in orders not settled yet.
        public var feesMinor: Int64
        public var unsettledRevenueMinor: Int64
        public var previousRevenueMinor: Int64
        public var revenueRank: Int

        public var grossProfitMinor: Int64? { costMinor.map { revenueMinor - $0 } }
        public var margin: Double? { grossProfitMinor.flatMap { revenueMinor == 0 ? nil : Double($0) / Double(revenueMinor) } }
        public var profitAfterFeesMinor: Int64? { grossProfitMinor.map { $0 - feesMinor } }
        public var marginAfterFees: Double? { profitAfterFeesMinor.flatMap { revenueMinor == 0 ? nil : Double($0) / Double(revenueMinor) } }
        public var change: Double? { Metrics.change(Double(revenueMinor), from: Double(previousRevenueMinor)) }
    }

    public struct Detail: Sendable, Hashable, Codable {
        public var skuMaster: String
        public var productName: String?
        public var days: [DetailDay]
    }

    public struct DetailDay: Sendable, Hashable, Codable {
        public var date: BusinessDate
        public var units: Int64
        /// In `marketplaces` order, then every other one.
        public var revenueByMarketplaceMinor: [Int64]
        public var costMinor: Int64?
        public var feesMinor: Int64

        public var revenueMinor: Int64 { revenueByMarketplaceMinor.reduce(0, +) }
    }

    public struct UnmappedSKU: Sendable, Hashable, Codable {
        public var platform: Platform
        public var platformSKU: String
        public var productName: String?
        public var units: Int64
        public var revenueMinor: Int64
        public var suggestedSKUMaster: String?
        public var suggestionReason: String?

        init(platform: Platform, platformSKU: String, productName: String?, units: Int64, revenueMinor: Int64,
             suggestedSKUMaster: String?, suggestionReason: String?) {
            self.platform = platform
            self.platformSKU = platformSKU
            self.productName = productName
            self.units = units
            self.revenueMinor = revenueMinor
            self.suggestedSKUMaster = suggestedSKUMaster
            self.suggestionReason = suggestionReason
        }

        init(_ entry: UnmappedSKUs.Entry) {
            platform = entry.platform
            platformSKU = entry.platformSKU
            productName = entry.productName
            units = entry.units
            revenueMinor = entry.revenueMinor
            suggestedSKUMaster = entry.suggestion?.skuMaster
            suggestionReason = entry.suggestion?.reason
        }
    }
}
