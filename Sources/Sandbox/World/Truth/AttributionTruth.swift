import OmnidashCore

/// What one ad campaign brought to the website on one day, and the marketplace orders its visitors placed.
public struct AttributionTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    public var platform: Platform
    public var accountID: String
    public var campaignID: String
    public var sessions: Int64 = 0
    public var users: Int64 = 0
    public var transactions: Int64 = 0
    /// GA4's purchase revenue of those sessions, in satang.
    public var revenueMinor: Int64 = 0
    /// Marketplace orders among those purchases that count as revenue, and their revenue in satang.
    public var ecomOrders: Int64 = 0
    public var ecomRevenueMinor: Int64 = 0

    public init(date: BusinessDate, platform: Platform, accountID: String, campaignID: String) {
        self.date = date
        self.platform = platform
        self.accountID = accountID
        self.campaignID = campaignID
    }

    enum CodingKeys: String, CodingKey {
        case date, platform
        case accountID = "account_id"
        case campaignID = "campaign_id"
        case sessions, users, transactions
        case revenueMinor = "revenue_minor"
        case ecomOrders = "ecom_orders"
        case ecomRevenueMinor = "ecom_revenue_minor"
    }
}
