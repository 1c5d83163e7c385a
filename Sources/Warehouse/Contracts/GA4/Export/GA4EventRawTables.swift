/// The GA4 BigQuery export's raw event table: one row per event of the daily `events_YYYYMMDD` tables, as the export
/// writes it (newline-delimited JSON). The whole event is kept as received in `raw_json` (with `user_id` hashed); the
/// values staging reads are lifted into columns as the import reads them (amounts as the exact text the export wrote,
/// never through `Double`).
///
/// The export has no event id. An event is identified by its stream, user, timestamp, name and `batch_event_index`
/// (GA4's order of events sent in one request), joined into `event_key`; re-importing a file (the export rewrites a
/// day for up to three days) replaces the events it holds, newest load wins.
public enum GA4EventRawTables {
    public static let events = RawTableContract(
        "raw_ga4_events", key: ["stream_id", "event_key"], version: "_loaded_at_us",
        indexes: [["event_date"], ["user_pseudo_id", "event_timestamp"], ["_loaded_at_us"]], columns: [
            .init("stream_id", .text, nullable: false),
            // user_pseudo_id, event_timestamp, event_name and batch_event_index joined by '|'.
            .init("event_key", .text, nullable: false),
            // YYYY-MM-DD in the property's time zone (the export writes YYYYMMDD).
            .init("event_date", .date, nullable: false),
            // UTC microseconds.
            .init("event_timestamp", .integer, nullable: false),
            .init("event_name", .text, nullable: false),
            .init("user_pseudo_id", .text, nullable: false),
            // The site's own user id, hashed: it identifies a person.
            .init("user_id", .text),
            // From event_params: the session's start in Unix seconds; with user_pseudo_id it is the session key.
            .init("ga_session_id", .integer),
            .init("ga_session_number", .integer),
            .init("batch_event_index", .integer),
            .init("platform", .text),
            // From event_params.
            .init("page_location", .text),
            .init("page_title", .text),
            .init("page_referrer", .text),
            .init("entrances", .integer),
            .init("engagement_time_msec", .integer),
            // event_params.session_engaged = '1' (or engaged_session_event = 1).
            .init("session_engaged", .boolean),
            .init("transaction_id", .text),
            // ecommerce.purchase_revenue, else the `value` param, as written (a decimal in `currency`).
            .init("purchase_revenue", .text),
            .init("currency", .text),
            .init("items_quantity", .integer),
            // collected_traffic_source: the event's own UTM parameters and click id.
            .init("collected_source", .text),
            .init("collected_medium", .text),
            .init("collected_campaign", .text),
            .init("collected_campaign_id", .text),
            .init("collected_term", .text),
            .init("collected_content", .text),
            .init("gclid", .text),
            // session_traffic_source_last_click: GA4's own session campaign, which sees history before the export began.
            .init("last_click_source", .text),
            .init("last_click_medium", .text),
            .init("last_click_campaign", .text),
            .init("last_click_campaign_id", .text),
            .init("google_ads_campaign_id", .text),
            .init("google_ads_campaign_name", .text),
            // traffic_source: how the user first arrived.
            .init("first_user_source", .text),
            .init("first_user_medium", .text),
            .init("first_user_campaign", .text),
            .init("device_category", .text),
            .init("operating_system", .text),
            .init("browser", .text),
            .init("country", .text),
            .init("city", .text),
            // The e-commerce records as JSON text, for item-level questions; the other nested records (event_params,
            // device, geo, the traffic sources) are read from raw_json, their staged values lifted into columns above,
            // so an event is not stored twice.
            .init("ecommerce", .text),
            .init("items", .text),
            .init("raw_json", .text, nullable: false),
        ])

    public static let all = [events]
}
