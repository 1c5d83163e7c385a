import OmnidashCore

/// One object of a Shopee Ads answer: counts whole numbers, amounts plain decimal numbers kept as Shopee wrote them, ids
/// numbers or strings, dates `DD-MM-YYYY`.
typealias ShopeeAdsRecord = JSONRecord

extension JSONRecord {
    /// A Shopee Ads `DD-MM-YYYY` date.
    func shopeeAdsDate(_ name: String) throws(Problem) -> BusinessDate {
        try date(name, format: "DD-MM-YYYY", parse: Shopee.adsDate)
    }
}
