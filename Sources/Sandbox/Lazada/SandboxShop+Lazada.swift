extension SandboxShop {
    /// About 60 % of the reference shop's volume, with Lazada's own birthday sale (27 March) and 7.7 peaks.
    static let sukhonLazada = SandboxShop(
        platform: .lazada,
        shopID: 100_348_271,
        name: "Sukhon Beauty",
        region: "TH",
        currency: "THB",
        logoURL: "https://th-live.slatic.net/shop/sukhon-beauty-logo.png",
        description: "Sukhon Beauty ร้านทางการบน Lazada",
        demandShare: 0.6, streamKey: 2, ownPeaks: [327: 3.2, 707: 2.2], hasOutages: false, lineStatuses: true,
        skuPrefix: "SKH-", listingIDBase: 3_912_000_000, numbering: .numeric,
        // Lazada's finance rows are per order item, one per unit, so its fees are computed and rounded per unit.
        fees: FeeSchedule(basis: .unit, commissionBps: 500, transactionBps: 214, serviceBps: 300, serviceCapMinor: 10_000,
                          affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 2_000)
    )
}
