/// TikTok Shop's finance records (`TikTokShopRawTables.settlements`), from their contracts.
enum CreateTikTokShopSettlementTables {
    static let migration = Migration(id: 14, name: "create_tiktok_shop_settlement_tables", tables: TikTokShopRawTables.settlements.map(\.schema))
}
