/// The Executive overview: revenue, orders and ad efficiency across every marketplace and ad platform for
/// a date range, against the previous period of equal length.
///
/// Split as every page is: `Model` (the figures), `query` (reads the marts), `view` (HTML), `csv`/`json`.
public enum ExecutiveOverview: DashboardPage {
    public static let id = PageID.executive
}
