import Foundation
import OmnidashCore

/// One row of the reference SKU map: a platform's SKU code and the brand's master SKU it stands for.
///
/// For a listing without variants the platform SKU is the listing's own; for a variant, the variant's.
public struct SKUMapEntry: Codable, Sendable, Equatable {
    public var platform: Platform
    public var platformSKU: String
    public var skuMaster: String
    public var productName: String
    public var category: String
    public var brand: String
    /// Unit cost in THB.
    public var cost: Decimal
    /// The platform's product id (a listing id) as text.
    public var platformProductID: String
    /// The platform's variant id (`"0"` for a listing without variants where the marketplace has none).
    public var platformModelID: String
    /// List price in THB.
    public var listPrice: Decimal

    public init(
        platform: Platform, platformSKU: String, skuMaster: String, productName: String, category: String,
        brand: String, cost: Decimal, platformProductID: String, platformModelID: String, listPrice: Decimal
    ) {
        self.platform = platform
        self.platformSKU = platformSKU
        self.skuMaster = skuMaster
        self.productName = productName
        self.category = category
        self.brand = brand
        self.cost = cost
        self.platformProductID = platformProductID
        self.platformModelID = platformModelID
        self.listPrice = listPrice
    }

    enum CodingKeys: String, CodingKey {
        case platform
        case platformSKU = "platform_sku"
        case skuMaster = "sku_master"
        case productName = "product_name"
        case category, brand, cost
        case platformProductID = "platform_product_id"
        case platformModelID = "platform_model_id"
        case listPrice = "list_price"
    }
}
