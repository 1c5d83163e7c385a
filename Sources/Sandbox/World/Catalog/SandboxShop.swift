import OmnidashCore

/// One of the brand's shops on a marketplace. The world's orders, SKU codes, peaks and outages are per shop; each
/// emulator renders its platform's shops in that platform's own vocabulary.
public struct SandboxShop: Sendable, Equatable {
    public let platform: Platform
    /// The marketplace's id for the shop (`shop_id`, `seller_id`).
    public let shopID: Int64
    public let name: String
    /// Two-letter country.
    public let region: String
    public let currency: String
    public let logoURL: String
    public let description: String
    /// This shop's share of the brand's daily marketplace demand (1 = the reference shop's volume).
    let demandShare: Double
    /// Mixed into the shop's random streams; 0 keeps the reference shop's streams as they always were.
    let streamKey: Int64
    /// The marketplace's own mega-sale days (month × 100 + day) and how much they multiply demand.
    let ownPeaks: [Int: Double]
    /// Whether this marketplace has the planted outages (the reference shop does).
    let hasOutages: Bool
    /// Whether the marketplace keeps a status per order line, so a seller can cancel one line alone.
    let lineStatuses: Bool
    /// How this shop writes SKU codes: `nil` for the catalogue's own marketplace codes, else this prefix on the master
    /// code (`SKH-` + `SER-001`).
    let skuPrefix: String?
    /// First listing id on this marketplace (`nil`: the catalogue's own item ids).
    let listingIDBase: Int64?
    /// How the marketplace numbers orders.
    let numbering: OrderSerial.Numbering
    /// Whether the only model of a listing without variants has an id of its own on this shop; `false` where the
    /// marketplace writes `0` for it. Only read for shops with
    /// their own `listingIDBase`; the reference shop keeps the catalogue's ids.
    var singleModelsHaveIDs = true
    /// The marketplace's fees on this shop's orders and when it pays them out.
    var fees = FeeSchedule(basis: .order, commissionBps: 0, transactionBps: 0, serviceBps: 0, serviceCapMinor: 0,
                           affiliateShare: 0, affiliateBps: 0, freeShippingCoFundMinor: 0)
}
