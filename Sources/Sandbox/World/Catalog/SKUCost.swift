import Foundation
import OmnidashCore

/// The cost of goods of one master SKU from a business date on, as a seller's SKU map states it.
public struct SKUCost: Sendable, Equatable {
    public var skuMaster: String
    /// The first day the cost applies; `nil` for the cost that applies from the start.
    public var effectiveFrom: BusinessDate?
    /// Unit cost in THB.
    public var cost: Decimal
}
