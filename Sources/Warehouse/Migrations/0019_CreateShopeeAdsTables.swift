/// Shopee Ads' raw tables, from their contracts (`ShopeeAdsRawTables`).
enum CreateShopeeAdsTables {
    static let migration = Migration(id: 19, name: "create_shopee_ads_tables", tables: ShopeeAdsRawTables.all.map(\.schema))
}
