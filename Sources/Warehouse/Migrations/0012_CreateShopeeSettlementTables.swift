/// Shopee's finance records (`ShopeeRawTables.settlements`), from their contracts.
enum CreateShopeeSettlementTables {
    static let migration = Migration(id: 12, name: "create_shopee_settlement_tables", tables: ShopeeRawTables.settlements.map(\.schema))
}
