/// Lazada Open Platform: the orders (with their items), products, seller and transaction lines of each authorised seller.
///
/// Everything about the API lives in this folder: signing (`Lazada+Signing`), request building, response
/// classification, the token session, the parser and the streams. Its raw tables are declared in
/// `Warehouse/Contracts/Lazada`. Facts are from shared/reference/ecommerce-apis.md §2.
public enum Lazada {
    /// `/orders/get` returns at most 100 orders a page.
    public static let orderPageSize = 100
    /// `/orders/get` refuses offsets past 5,000, so windows are kept short enough never to hold that many.
    public static let orderWindowSeconds: Int64 = 3 * 86_400
    /// `/orders/items/get` takes at most 50 order ids.
    public static let itemsBatchSize = 50
    /// `/products/get` returns at most 50 products a page.
    public static let productPageSize = 50
    /// `/finance/transaction/details/get` returns at most 500 lines a page ("the supported maximum number is 500").
    public static let transactionPageSize = 500
    /// Transaction windows of a week of whole days: far inside the 180-day limit of one call, and a page or two each.
    public static let transactionWindowDays: Int64 = 7
    /// Lines can be posted a day or two after the date they carry, so every pass fetches the last two days again.
    public static let transactionOverlapDays: Int64 = 2
    /// Tokens are refreshed this long before they expire, as Lazada recommends (about 30 minutes).
    public static let refreshMargin: Int64 = 1_800
}
