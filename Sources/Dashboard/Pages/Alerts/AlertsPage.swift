/// Alerts: what the rules raised, open and acknowledged, with severity, subject, value against threshold, a link to
/// the page that explains it, and the forms that acknowledge and snooze it.
///
/// Split as every page is: `Model`, `query` (reads `mart_simple_alerts` through `AlertStore`), `view`, `csv`/`json`.
/// The forms post to `/alerts/ack` and `/alerts/snooze` (`AlertActionRoutes`).
public enum AlertsPage: DashboardPage {
    public static let id = PageID.alerts
    public static let title = TextKey.alertsTitle
}
