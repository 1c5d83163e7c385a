extension SandboxShop {
    /// About 45 % of the reference shop's volume, with TikTok Shop's own double-date campaigns, which live-selling makes
    /// steeper there than on the other marketplaces. Listing ids are 19 digits and order ids 18, as TikTok's are.
    static let sukhonTikTok = SandboxShop(
        platform: .tiktokShop,
        shopID: 7_494_061_285_019_470_123,
        name: "Sukhon Beauty TH",
        region: "TH",
        currency: "THB",
        logoURL: "https://p16-oec-sg.ibyteimg.com/tos-alisg-i-aphluv4xwc-sg/sukhon-beauty-th-logo.png",
        description: "Sukhon Beauty สกินแคร์สมุนไพรไทย ร้านทางการบน TikTok Shop",
        demandShare: 0.45, streamKey: 3, ownPeaks: [909: 2.4, 1010: 2.6, 1111: 3.0, 1212: 2.8], hasOutages: false,
        lineStatuses: false, skuPrefix: "TTS-",
        // `variantID` multiplies the base by 4: 6.9 × 10¹⁸ stays inside Int64.
        listingIDBase: 1_729_000_000_000_000_000, numbering: .long,
        // TikTok Shop pays in daily statements at 00:00 UTC; a fifth of its orders come through affiliate creators.
        fees: FeeSchedule(basis: .order, commissionBps: 535, transactionBps: 321, serviceBps: 300, serviceCapMinor: 5_000,
                          affiliateShare: 0.2, affiliateBps: 1_000, freeShippingCoFundMinor: 1_000, paysAtNextUTCMidnight: true)
    )
}
