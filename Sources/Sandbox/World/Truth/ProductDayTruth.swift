import OmnidashCore

/// What one master SKU sold on one business day across every marketplace shop: the ground truth per (date, master
/// SKU), which `mart_product_performance` must reproduce exactly.
public struct ProductDayTruth: Codable, Sendable, Equatable {
    public var date: BusinessDate
    public var skuMaster: String
    /// Units and revenue (satang) of the lines still in orders that count, per marketplace and in total.
    public var units: Int64 = 0
    public var revenueMinor: Int64 = 0
    public var unitsByPlatform: [Platform: Int64] = [:]
    public var revenueMinorByPlatform: [Platform: Int64] = [:]
    /// Σ units × the unit cost in force that day, in satang.
    public var costMinor: Int64 = 0
    /// The settled orders' fees allocated to this SKU (`SandboxWorld.allocate`), and the revenue of its lines in orders
    /// not settled yet, in satang.
    public var feesMinor: Int64 = 0
    public var unsettledRevenueMinor: Int64 = 0

    public init(date: BusinessDate, skuMaster: String) {
        self.date = date
        self.skuMaster = skuMaster
    }
}
