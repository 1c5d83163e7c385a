/// Operations: how the data got here. The latest run of every stream of every account (status, records, retries,
/// duration, error), each source's freshness, the days still inside a platform's restatement window, stored tokens'
/// expiry, the records syncs rejected and why, and the next runs of the timetable.
///
/// Split as every page is: `Model`, `query` (reads `sync_runs`, `oauth_tokens`, `raw_rejects` and the environment's
/// clock and timetable), `view`, `csv`/`json`.
public enum Operations: DashboardPage {
    public static let id = PageID.operations
    public static let title = TextKey.operationsTitle
}
