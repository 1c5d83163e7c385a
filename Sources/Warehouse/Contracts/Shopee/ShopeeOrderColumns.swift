/// The columns of a `raw_shopee_orders` row that staging reads, typed: what the parser hands to an import that stages
/// each page as it loads it, and what the staging builder reads back from the table. Both paths stage from this one
/// shape, so a page staged on the way in and the same page restaged later give the same rows.
public struct ShopeeOrderColumns: Sendable {
    public var orderSN: String
    public var shopID: String
    /// `buyer_username`, already a keyed hash.
    public var buyerHash: String?
    public var orderStatus: String
    public var paymentMethod: String?
    public var currency: String
    /// Unix seconds.
    public var createTime: Int64
    public var updateTime: Int64
    public var items: [ShopeeOrderItem]

    public init(orderSN: String, shopID: String, buyerHash: String?, orderStatus: String, paymentMethod: String?, currency: String,
                createTime: Int64, updateTime: Int64, items: [ShopeeOrderItem]) {
        self.orderSN = orderSN
        self.shopID = shopID
        self.buyerHash = buyerHash
        self.orderStatus = orderStatus
        self.paymentMethod = paymentMethod
        self.currency = currency
        self.createTime = createTime
        self.updateTime = updateTime
        self.items = items
    }
}
