/// `mart_simple_alerts` as the alerts keep it: the seed's columns, plus what makes an alert one per (rule, subject,
/// business date), re-raised only when it worsens, acknowledged by someone, snoozed, provisional while its day is
/// still restating, and linked to the page that explains it. Nothing wrote the table before, so it is made anew.
enum CreateAlertTables {
    static let simpleAlerts = TableSchema(
        "mart_simple_alerts", primaryKey: ["alert_id"],
        indexes: [["affected_date"], ["is_acknowledged", "generated_at"]], columns: [
        .init("alert_id", .text, nullable: false),
        .init("generated_at", .timestamp, nullable: false),
        .init("alert_type", .text, nullable: false),
        .init("rule_id", .text, nullable: false),
        .init("severity", .text, nullable: false),
        .init("title", .text),
        .init("description", .text),
        .init("metric_name", .text),
        .init("metric_value", .real),
        .init("threshold_value", .real),
        .init("comparison_value", .real),
        .init("affected_date", .date),
        .init("affected_platform", .text),
        .init("affected_campaign_id", .text),
        .init("subject_key", .text, nullable: false),
        .init("subject_label", .text),
        .init("provisional", .boolean, nullable: false),
        .init("raised_count", .integer, nullable: false),
        .init("last_raised_at", .timestamp, nullable: false),
        .init("updated_at", .timestamp, nullable: false),
        .init("is_acknowledged", .boolean, nullable: false),
        .init("acknowledged_at", .timestamp),
        .init("acknowledged_by", .text),
        .init("snoozed_until", .timestamp),
        .init("link_path", .text),
    ])

    static let migration = Migration(id: 27, name: "create_alert_tables", creates: [simpleAlerts]) { dialect in
        [WriteOperation.execute(SQLStatement("DROP TABLE IF EXISTS \(SQLDialect.quote(simpleAlerts.name))"))]
            + simpleAlerts.createStatements(dialect).map(WriteOperation.execute)
    }
}
