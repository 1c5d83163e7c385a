/// The staging tables as declared by their migration, for the builders that fill them by column name.
public enum StagingTables {
    public static var orders: TableSchema { CreateStagingTables.orders }
    public static var orderItems: TableSchema { CreateStagingTables.orderItems }
    public static var adsPerformance: TableSchema { CreateAdEntityTables.adsPerformance }
    public static var products: TableSchema { CreateStagingTables.products }
    public static var shops: TableSchema { CreateStagingTables.shops }
    public static var orderFees: TableSchema { CreateSettlementTables.orderFees }
    public static var adEntities: TableSchema { CreateWebsiteTables.adEntities }
    public static var adBudgetDays: TableSchema { CreateAdEntityTables.budgetDays }
    public static var adsDemographics: TableSchema { CreateAdEntityTables.demographics }
    public static var adsKeywords: TableSchema { CreateAdEntityTables.adsKeywords }
    public static var ga4Sessions: TableSchema { CreateWebsiteTables.sessions }
    public static var ga4Traffic: TableSchema { CreateWebsiteTables.traffic }
    public static var ga4Pages: TableSchema { CreateWebsiteTables.pages }
    public static var ga4Audience: TableSchema { CreateWebsiteTables.audience }
    public static var ga4Purchases: TableSchema { CreateWebsiteTables.purchases }
}

/// The mart tables as declared by their migration: the mart runner inserts their columns, by name, from each
/// model's `select`.
public enum MartTables {
    public static var dailyPerformance: TableSchema { CreateMartTables.dailyPerformance }
    public static var shopPerformance: TableSchema { CreateSettlementTables.shopPerformance }
    public static var adsChannelPerformance: TableSchema { CreateAdEntityTables.adsChannelPerformance }
    public static var campaignPerformance: TableSchema { CreateAdEntityTables.campaignPerformance }
    public static var productPerformance: TableSchema { CreateSettlementTables.productPerformance }
    public static var productShopPerformance: TableSchema { CreateSettlementTables.productShopPerformance }
    public static var websiteAnalytics: TableSchema { CreateWebsiteTables.websiteAnalytics }
    public static var trafficSources: TableSchema { CreateWebsiteTables.trafficSources }
    public static var websitePages: TableSchema { CreateWebsiteTables.websitePages }
    public static var websiteAudience: TableSchema { CreateWebsiteTables.websiteAudience }
    public static var crossChannelAttribution: TableSchema { CreateWebsiteTables.crossChannelAttribution }
    public static var utmGovernance: TableSchema { CreateWebsiteTables.utmGovernance }
}

/// The reference tables a seller loads (`omnidash import sku-map`), as declared by their migration.
public enum ReferenceTables {
    public static var skuMap: TableSchema { CreateSKUMasterTables.skuMap }
    public static var skuCosts: TableSchema { CreateSKUMasterTables.skuCosts }
    /// The `effective_from` of a cost that applies from the start, so the key needs no null.
    public static let fromTheStart = "0001-01-01"
}
