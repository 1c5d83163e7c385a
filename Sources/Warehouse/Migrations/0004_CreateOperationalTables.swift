/// What keeps the pipeline honest: rejects, sync state and history, build watermarks, stored tokens,
/// reference data and the calendar.
enum CreateOperationalTables {
    static let migration = Migration(id: 4, name: "create_operational_tables", tables: [
        rawRejects, syncState, syncRuns, transformState, oauthTokens, fxRates, skuMap, dimDate,
    ])

    /// Records that could not be parsed or failed validation, with the reason; the sync goes on without them.
    static let rawRejects = TableSchema("raw_rejects", primaryKey: ["reject_id"], indexes: [["source", "stream"]], columns: [
        .init("reject_id", .text, nullable: false),
        .init("source", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("account_id", .text),
        .init("record_key", .text),
        .init("reason", .text, nullable: false),
        .init("payload", .text),
        .init("_sync_run_id", .text),
        .init("_source_file", .text),
        .init("rejected_at", .timestamp, nullable: false),
    ])

    /// Where each stream of each account got to; written in the same transaction as the rows it covers.
    static let syncState = TableSchema("sync_state", primaryKey: ["source", "account_id", "stream"], columns: [
        .init("source", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("state_json", .text, nullable: false),
        .init("updated_at", .timestamp, nullable: false),
    ])

    /// One row per stream per sync run: what ran, how it ended, and why.
    static let syncRuns = TableSchema("sync_runs", primaryKey: ["run_id", "source", "account_id", "stream"],
                                      indexes: [["started_at"]], columns: [
        .init("run_id", .text, nullable: false),
        .init("source", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("status", .text, nullable: false),
        .init("started_at", .timestamp, nullable: false),
        .init("finished_at", .timestamp),
        .init("records", .integer, nullable: false),
        .init("rejects", .integer, nullable: false),
        .init("requests", .integer, nullable: false),
        .init("retries", .integer, nullable: false),
        .init("window_start", .text),
        .init("window_end", .text),
        .init("error", .text),
    ])

    /// The staging builders' watermarks over the raw tables' `_loaded_at_us`.
    static let transformState = TableSchema("transform_state", primaryKey: ["builder"], columns: [
        .init("builder", .text, nullable: false),
        .init("watermark_us", .integer, nullable: false),
        .init("updated_at", .timestamp, nullable: false),
    ])

    /// OAuth tokens obtained at run time, encrypted (AES-GCM) with the configured token key.
    static let oauthTokens = TableSchema("oauth_tokens", primaryKey: ["source", "account_id"], columns: [
        .init("source", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("sealed_tokens", .text, nullable: false),
        .init("access_expires_at", .timestamp),
        .init("updated_at", .timestamp, nullable: false),
    ])

    /// Daily exchange rates into the reporting currency: `rate` units of `quote_currency` per unit of `currency`.
    static let fxRates = TableSchema("ref_fx_rates", primaryKey: ["date", "currency"], columns: [
        .init("date", .date, nullable: false),
        .init("currency", .text, nullable: false),
        .init("quote_currency", .text, nullable: false),
        .init("rate", .text, nullable: false),
        .init("source", .text),
        .init("_loaded_at", .timestamp, nullable: false),
    ])

    /// The SKU master map: each platform's SKU code to the seller's one master SKU.
    static let skuMap = TableSchema("ref_sku_map", primaryKey: ["platform", "platform_sku"], columns: [
        .init("platform", .text, nullable: false),
        .init("platform_sku", .text, nullable: false),
        .init("sku_master", .text, nullable: false),
        .init("product_name", .text),
        .init("category", .text),
        .init("brand", .text),
        .init("cost", .text),
        .init("_loaded_at", .timestamp, nullable: false),
    ])

    /// The calendar the marts join on for period comparisons, so no mart needs engine-specific date arithmetic.
    static let dimDate = TableSchema("dim_date", primaryKey: ["date"], columns: [
        .init("date", .date, nullable: false),
        .init("year", .integer, nullable: false),
        .init("month", .integer, nullable: false),
        .init("day", .integer, nullable: false),
        .init("iso_weekday", .integer, nullable: false),
        .init("is_weekend", .boolean, nullable: false),
        .init("month_start", .date, nullable: false),
        .init("prev_day", .date, nullable: false),
        .init("same_day_last_week", .date, nullable: false),
        .init("same_day_last_month", .date, nullable: false),
        .init("same_day_last_year", .date, nullable: false),
        .init("day_index", .integer, nullable: false),
    ])
}
