import OmnidashCore

/// A shop's fee rates, in basis points of the base the platform charges them on, with the rounding each platform
/// applies. The rates are realistic for Thai sellers in 2025–26 (VAT included); they are the world's choice, not any
/// platform's published tariff.
struct FeeSchedule: Sendable, Equatable {
    /// Where fees are computed and rounded: on the whole order (Shopee, TikTok Shop) or on every order item, one per
    /// unit (Lazada, whose finance rows are per order item).
    enum Basis: Sendable, Equatable {
        case order
        case unit
    }

    let basis: Basis
    /// On item revenue (Σ discounted price × quantity).
    let commissionBps: Int64
    /// On what the buyer paid: items plus buyer-paid shipping on order-basis platforms, the item's price per unit.
    let transactionBps: Int64
    /// On each line's revenue (each unit's on Lazada), capped per line (per unit) at `serviceCapMinor`.
    let serviceBps: Int64
    let serviceCapMinor: Int64
    /// Share of orders that came through an affiliate creator, and the creator's commission on item revenue.
    let affiliateShare: Double
    let affiliateBps: Int64
    /// What the seller pays towards a buyer's free shipping (orders of ฿499 and more ship free), at most the
    /// carrier's charge; the platform subsidises the rest.
    let freeShippingCoFundMinor: Int64

    static func schedule(for shop: SandboxShop) -> FeeSchedule {
        switch shop.platform {
        case .lazada:
            FeeSchedule(basis: .unit, commissionBps: 500, transactionBps: 214, serviceBps: 300, serviceCapMinor: 10_000,
                        affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 2_000)
        case .tiktokShop:
            FeeSchedule(basis: .order, commissionBps: 535, transactionBps: 321, serviceBps: 300, serviceCapMinor: 5_000,
                        affiliateShare: 0.2, affiliateBps: 1_000, freeShippingCoFundMinor: 1_000)
        default:
            shop == .sukhonShopeeMall
                // Shopee Mall: a higher commission and a dearer free-shipping/coins programme.
                ? FeeSchedule(basis: .order, commissionBps: 963, transactionBps: 321, serviceBps: 535, serviceCapMinor: 15_000,
                              affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 1_500)
                : FeeSchedule(basis: .order, commissionBps: 642, transactionBps: 321, serviceBps: 428, serviceCapMinor: 10_000,
                              affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 1_500)
        }
    }

    /// `base × bps / 10 000` rounded half up to the satang (bases are never negative).
    static func percent(_ base: Int64, bps: Int64) -> Int64 {
        (base * bps + 5_000) / 10_000
    }
}
