import OmnidashCore

/// Shopee Ads amounts are in the shop's currency, which Shopee never names in the ads answers: the shop's region
/// (sent with each campaign report) decides it, one currency per Shopee market.
enum ShopeeAdsRegion {
    static let currencies: [String: String] = [
        "TH": "THB", "SG": "SGD", "MY": "MYR", "VN": "VND", "ID": "IDR", "PH": "PHP", "TW": "TWD", "BR": "BRL", "MX": "MXN",
        "CO": "COP", "CL": "CLP",
    ]

    static func currency(_ region: String?, table: String, key: String) throws -> Currency {
        guard let region, let code = currencies[region.uppercased()] else {
            throw StagingError(table: table, key: key, reason: "region '\(region ?? "")' names no Shopee market, so its currency is unknown")
        }
        return Currency(code)
    }
}
