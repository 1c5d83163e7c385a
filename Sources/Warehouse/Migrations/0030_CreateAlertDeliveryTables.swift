/// The alerts' delivery log (filled in by the notifications work).
enum CreateAlertDeliveryTables {
    static let migration = Migration(id: 30, name: "create_alert_delivery_tables", tables: [])
}
