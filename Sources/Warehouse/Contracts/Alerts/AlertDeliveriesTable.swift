/// `alert_deliveries`: the delivery log, one row per alert, channel and target (a LINE id, the webhook, an e-mail
/// recipient list) each time an alert was raised: how many attempts it took and how it ended.
public enum AlertDeliveriesTable {
    public static let schema = TableSchema(
        "alert_deliveries", primaryKey: ["delivery_id"], indexes: [["alert_id"], ["attempted_at"]], columns: [
        .init("delivery_id", .text, nullable: false),
        .init("alert_id", .text, nullable: false),
        // Which raise of the alert this delivered (`mart_simple_alerts.raised_count`).
        .init("raised_count", .integer, nullable: false),
        // `line`, `slack` or `email`.
        .init("channel", .text, nullable: false),
        // The recipient without secrets: a LINE id, the webhook's host and workspace, the e-mail addresses.
        .init("target", .text, nullable: false),
        // When the first attempt started.
        .init("attempted_at", .timestamp, nullable: false),
        .init("finished_at", .timestamp, nullable: false),
        .init("attempts", .integer, nullable: false),
        // `delivered` or `failed`.
        .init("status", .text, nullable: false),
        // The last attempt's error in one line; NULL when delivered.
        .init("error", .text),
        // The last HTTP status or SMTP reply code, when there was one.
        .init("response_code", .integer),
    ])
}
