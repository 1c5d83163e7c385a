/// Attribution: each ad campaign's spend beside three views of what it earned (the value the ad platform claims, the
/// revenue GA4 credits to sessions carrying the campaign's UTM, and the marketplace orders those sessions handed
/// over), ROAS and CPA on each, and the UTM-governance lists of what could not be matched.
///
/// Split as every page is: `Model`, `query` (reads `mart_cross_channel_attribution` and `mart_utm_governance`), `view`,
/// `csv`/`json`.
public enum Attribution: DashboardPage {
    public static let id = PageID.attribution
    public static let title = TextKey.attributionTitle
}
