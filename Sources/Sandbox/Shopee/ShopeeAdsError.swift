/// The Shopee Ads module's own error codes (ecommerce-apis.md §1.7), in Shopee's envelope (`ShopeeError`).
///
/// The codes are the documented ones; the messages are Shopee's where the reference quotes them ("Too many
/// requests…") and written to the same pattern elsewhere (UNVERIFIED wording).
enum ShopeeAdsError {
    static let dateRangeTooLong = ShopeeError(
        code: "ads.performance.error_date_range_too_long", message: "The date range should not exceed one month.")
    static let sameStartEndDates = ShopeeError(
        code: "ads.performance.error_same_start_end_dates",
        message: "start_date and end_date should be different, please use the hourly performance API for one day.")
    static let dateTooOld = ShopeeError(
        code: "ads.performance.error_date_too_old", message: "The date should not be earlier than 6 months ago.")
    static let dateInFuture = ShopeeError(
        code: "ads.performance.error_date_in_future", message: "The date should not be later than today.")
    static let startLaterThanEnd = ShopeeError(
        code: "ads.performance.error_start_later_than_end", message: "start_date should not be later than end_date.")

    /// Throttling rotates through the module's documented rate-limit codes. The sample (`shopee_ads_error_rate_limit`)
    /// gives no HTTP status; 429 keeps the emulator's one rule for throttling.
    static func rateLimited(ordinal: Int) -> ShopeeError {
        let codes: [(String, String)] = [
            ("ads.rate_limit.exceed_shop_api", "Too many requests for the shop at the moment, please try again later."),
            ("ads.rate_limit.exceed_api", "Too many requests for the API at the moment, please try again later."),
            ("ads.rate_limit.exceed_partner_api", "Too many requests for the partner at the moment, please try again later."),
        ]
        let (code, message) = codes[ordinal % codes.count]
        return ShopeeError(code: code, message: message, status: .tooManyRequests)
    }
}
