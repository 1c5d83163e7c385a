/// The simulated brand's Shopee shop.
public struct SandboxShop: Sendable, Equatable {
    public let shopID: Int64
    public let name: String
    /// Two-letter Shopee region.
    public let region: String
    public let currency: String
    public let logoURL: String
    public let description: String

    static let sukhon = SandboxShop(
        shopID: 822_451_903,
        name: "Sukhon Beauty Official Store",
        region: "TH",
        currency: "THB",
        logoURL: "https://cf.shopee.co.th/file/th-11134216-7r98o-sukhon-logo",
        description: "เครื่องสำอางและสกินแคร์สมุนไพรไทย ส่งตรงจากแบรนด์ Sukhon"
    )
}
