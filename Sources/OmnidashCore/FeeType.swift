/// The one vocabulary every marketplace's settlement fees are normalised into: `stg_order_fees` has a column per type
/// (`<key>_minor`), and the Sandbox's world keeps its fees in it.
///
/// Every amount of a `FeeType` is what the platform withholds from the seller's item revenue for that reason, in
/// minor units: positive means the seller pays. So, for every settled order on every platform,
/// `payout = items total − Σ fees`.
public enum FeeType: String, CaseIterable, Codable, Sendable {
    /// The platform's commission on item revenue.
    case commission
    /// The payment / transaction fee on what the buyer paid.
    case transaction
    /// Programme service fees: free shipping, coins cashback.
    case service
    /// The part of the parcel's shipping the seller bears: its co-funding of a buyer's free shipping, net of what
    /// the buyer paid and the platform's own subsidy.
    case shippingSubsidy
    /// Seller-funded vouchers redeemed at checkout and withheld at settlement.
    case sellerVoucher
    /// The seller's share of a platform-run voucher, withheld at settlement; a voucher the platform funds alone
    /// costs the seller nothing.
    case platformVoucher
    /// Commission paid through the platform to an affiliate creator.
    case affiliate
    /// Anything else withheld.
    case other

    /// The key used in JSON and in column names (`shipping_subsidy`).
    public var key: String {
        switch self {
        case .shippingSubsidy: "shipping_subsidy"
        case .sellerVoucher: "seller_voucher"
        case .platformVoucher: "platform_voucher"
        default: rawValue
        }
    }

    /// The `stg_order_fees` column holding this type's amount in minor units.
    public var column: String { key + "_minor" }
}
