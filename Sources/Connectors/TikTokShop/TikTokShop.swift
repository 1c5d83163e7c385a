/// TikTok Shop's Partner API (202309 versions): the orders (line items inside, one per unit), returns and refunds,
/// products, authorised shops and settlement statements (with their transactions) of each configured shop.
///
/// Everything about the API lives in this folder: signing (`TikTokShop+Signing`), request building, response
/// classification, the token session, the parsers and the streams. Its raw tables are declared in
/// `Warehouse/Contracts/TikTokShop`. Facts are from shared/reference/ecommerce-apis.md §3.
public enum TikTokShop {
    /// `/order/202309/orders/search` and the other searches take `page_size` 1–100.
    public static let pageSize = 100
    /// Searches have no documented limit on their time range; a week keeps a window's token chain short and lets an
    /// interrupted pass resume close to where it stopped.
    public static let windowSeconds: Int64 = 7 * 86_400
    /// A statement is listed as `PROCESSING` until its money is paid out, then `PAID`; each finance pass starts this
    /// far before where the last one ended so the change is seen.
    public static let statementOverlap: Int64 = 2 * 86_400
    /// Access tokens last 7 days; they are refreshed a day before they expire.
    public static let refreshMargin: Int64 = 86_400
}
