import Foundation

/// LINE Ads API (Ads Management v3, JWS-signed): daily online reports at campaign, ad group and ad level, and the
/// campaign, ad group and ad listings of each ad account. Facts are from shared/reference/ads-apis.md §7.
public enum LineAds {
    /// The report levels, as LINE names them in the path.
    public enum Level: String, Sendable, CaseIterable {
        case campaign, adgroup, ad
    }

    /// Rows per page: the documented maximum of the online report.
    public static let pageSize = 100
}
