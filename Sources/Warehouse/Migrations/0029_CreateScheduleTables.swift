/// The scheduler's ledger of runs and the stream leases that keep two services apart.
///
/// `schedule_runs` has one row per (job, scheduled slot): the service that inserts it runs it, so two services on one
/// warehouse never run the same slot twice, and after downtime the ledger says which slots were missed.
/// `stream_leases` holds one row per stream; a service syncs a stream only while it holds an unexpired lease.
/// `stream_lease_log` keeps every lease taken, with microsecond times, so overlaps can be checked after the fact.
enum CreateScheduleTables {
    static let scheduleRuns = TableSchema("schedule_runs", primaryKey: ["job", "scheduled_for"], indexes: [["started_us"]], columns: [
        .init("job", .text, nullable: false),
        .init("scheduled_for", .timestamp, nullable: false),
        .init("holder", .text, nullable: false),
        .init("status", .text, nullable: false),
        .init("started_at", .timestamp, nullable: false),
        /// Unix microseconds: orders runs that start within one second.
        .init("started_us", .integer, nullable: false),
        .init("finished_at", .timestamp),
        .init("sync_run_id", .text),
        .init("error", .text),
    ])

    static let streamLeases = TableSchema("stream_leases", primaryKey: ["source", "account_id", "stream"], columns: [
        .init("source", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("holder", .text, nullable: false),
        .init("acquired_at", .timestamp, nullable: false),
        .init("expires_at", .timestamp, nullable: false),
    ])

    static let streamLeaseLog = TableSchema("stream_lease_log", primaryKey: ["lease_id"], indexes: [["source", "account_id", "stream"]], columns: [
        .init("lease_id", .text, nullable: false),
        .init("source", .text, nullable: false),
        .init("account_id", .text, nullable: false),
        .init("stream", .text, nullable: false),
        .init("holder", .text, nullable: false),
        .init("acquired_us", .integer, nullable: false),
        .init("released_us", .integer),
    ])

    static let migration = Migration(id: 29, name: "create_schedule_tables", tables: [scheduleRuns, streamLeases, streamLeaseLog])
}
