/// Ads overview: every ad platform's spend and results for a date range against the previous period, the blended MER
/// beside the platforms' own ROAS, daily spend per platform, budget use, and every campaign with its status.
///
/// Split as every page is: `Model`, `query` (reads `mart_ads_channel_performance`, `mart_campaign_performance` and
/// the daily mart's revenue), `view`, `csv`/`json`.
public enum AdsOverview: DashboardPage {
    public static let id = PageID.ads
    public static let title = TextKey.adsOverviewTitle
}
