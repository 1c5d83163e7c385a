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
        numbering: .serial
    )
}
