extension SandboxShop {
    /// The brand's official Shopee shop: the reference shop, whose volume, outages and SKU codes the world is built on.
    static let sukhonShopee = SandboxShop(
        platform: .shopee,
        shopID: 822_451_903,
        name: "Sukhon Beauty Official Store",
        region: "TH",
        currency: "THB",
        logoURL: "https://cf.shopee.co.th/file/th-11134216-7r98o-sukhon-logo",
        description: "เครื่องสำอางและสกินแคร์สมุนไพรไทย ส่งตรงจากแบรนด์ Sukhon",
        demandShare: 1, streamKey: 0, ownPeaks: [:], hasOutages: true, lineStatuses: false, skuPrefix: nil, listingIDBase: nil,
        numbering: .serial,
        fees: FeeSchedule(basis: .order, commissionBps: 642, transactionBps: 321, serviceBps: 428, serviceCapMinor: 10_000,
                          affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 1_500)
    )

    /// The brand's Shopee Mall flagship: a second shop authorised by the same partner app, about 35 % of the official
    /// shop's volume, with its own brand days on the 25th (never an outage day, so they cannot hide a planted drop).
    /// A Shopee outage stops every Shopee shop, so it shares the official shop's planted outages; without them a
    /// fifth of the planted drops would no longer reach 20 % of the brand's revenue. As on Shopee, a listing without
    /// variants has no model id of its own (`model_id` 0).
    static let sukhonShopeeMall = SandboxShop(
        platform: .shopee,
        shopID: 1_064_287_315,
        name: "Sukhon Beauty Mall",
        region: "TH",
        currency: "THB",
        logoURL: "https://cf.shopee.co.th/file/th-11134216-7r98o-sukhon-mall-logo",
        description: "Sukhon Beauty Shopee Mall ร้านทางการของแบรนด์ สินค้าแท้ 100% คืนสินค้าได้ภายใน 15 วัน",
        demandShare: 0.35, streamKey: 4, ownPeaks: [325: 1.8, 825: 2.5], hasOutages: true, lineStatuses: false,
        skuPrefix: "SKM-",
        // 11-digit item ids like Shopee's; `variantID` multiplies the base by 4, giving 12-digit model ids.
        listingIDBase: 27_365_000_000, numbering: .serial, singleModelsHaveIDs: false,
        // Shopee Mall: a higher commission and a dearer free-shipping/coins programme.
        fees: FeeSchedule(basis: .order, commissionBps: 963, transactionBps: 321, serviceBps: 535, serviceCapMinor: 15_000,
                          affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 1_500)
    )
}
