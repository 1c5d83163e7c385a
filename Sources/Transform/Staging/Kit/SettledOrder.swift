import OmnidashCore

/// One marketplace order's settlement as its platform's finance records state it, in the platform's currency, before
/// any conversion: what every marketplace's finance API has in common. `FeeStaging` turns it into a `stg_order_fees`
/// row.
struct SettledOrder: Sendable {
    var shopID: String
    var orderID: String
    var currency: Currency
    /// When the money was released, in Unix seconds, when the platform says; some say only the day.
    var settledAt: Int64?
    var settlementDate: BusinessDate?
    /// The item revenue the platform settled on (after the seller's discounts, before fees).
    var itemsTotal: FixedDecimal
    /// What the platform withheld, per type, positive when the seller pays. Types not listed are 0.
    var fees: [FeeType: FixedDecimal]
    /// What the seller receives.
    var payout: FixedDecimal

    /// The sum of `fees`.
    var totalFees: FixedDecimal { fees.values.reduce(FixedDecimal(0), +) }
}
