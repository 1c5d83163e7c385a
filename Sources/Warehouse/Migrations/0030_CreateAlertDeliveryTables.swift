/// The alerts' delivery log, `alert_deliveries`.
enum CreateAlertDeliveryTables {
    static let migration = Migration(id: 30, name: "create_alert_delivery_tables", tables: [AlertDeliveriesTable.schema])
}
