import OmnidashCore

/// A shop's fee rates, in basis points of the base the platform charges them on, with the rounding and the payout
/// rhythm its platform has. Each shop states its own (`SandboxShop.fees`, beside its definition). The rates are realistic for Thai sellers in 2025–26 (VAT included); they are the world's choice, not any
/// platform's published tariff.
struct FeeSchedule: Sendable, Equatable {
    /// Where fees are computed and rounded: on the whole order, or on every order item, one per unit (for a platform
    /// whose finance rows are per order item).
    enum Basis: Sendable, Equatable {
        case order
        case unit
    }

    let basis: Basis
    /// On item revenue (Σ discounted price × quantity).
    let commissionBps: Int64
    /// On what the buyer paid: items plus buyer-paid shipping on order-basis platforms, the item's price per unit.
    let transactionBps: Int64
    /// On each line's revenue (each unit's on a unit basis), capped per line (per unit) at `serviceCapMinor`.
    let serviceBps: Int64
    let serviceCapMinor: Int64
    /// Share of orders that came through an affiliate creator, and the creator's commission on item revenue.
    let affiliateShare: Double
    let affiliateBps: Int64
    /// What the seller pays towards a buyer's free shipping (orders of ฿499 and more ship free), at most the
    /// carrier's charge; the platform subsidises the rest.
    let freeShippingCoFundMinor: Int64
    /// Whether settlements are paid in daily statements at 00:00 UTC, holding the previous day's: a settlement then
    /// waits for the next midnight.
    var paysAtNextUTCMidnight = false

    /// `base × bps / 10 000` rounded half up to the satang (bases are never negative).
    static func percent(_ base: Int64, bps: Int64) -> Int64 {
        (base * bps + 5_000) / 10_000
    }
}
