/// `airbyte_state`: the last `STATE` message an Airbyte source printed, per source and stream, as received, so the
/// next `airbyte read --state` resumes where the imported output ended. A per-stream state is kept under its stream's
/// name; a global or legacy state (one for the whole source) under the empty stream name.
public enum AirbyteStateTable {
    public static let schema = TableSchema("airbyte_state", primaryKey: ["source", "stream"], columns: [
        // The Airbyte source's name (`source-…` without the prefix), as given to `omnidash import airbyte --source`.
        .init("source", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("namespace", .text),
        // `STREAM`, `GLOBAL` or `LEGACY`.
        .init("state_type", .text, nullable: false),
        // The `state` object of the message, exactly as printed.
        .init("state_json", .text, nullable: false),
        .init("line_number", .integer),
        .init("_source_file", .text),
        .init("_sync_run_id", .text),
        .init("updated_at", .timestamp, nullable: false),
    ])
}
