import OmnidashCore

/// The brand's own website and its GA4 property: what the Data API and the BigQuery export are about.
public enum SandboxWebsite {
    public static let propertyID = "412087345"
    /// The web data stream's id (`stream_id` in the export).
    public static let streamID = "5208731946"
    public static let measurementID = "G-SKB7Q2XW4T"
    public static let hostname = "www.sukhonbeauty.co.th"
    public static let timeZone = "Asia/Bangkok"
    public static let currency = "THB"
    static let origin = "https://www.sukhonbeauty.co.th"

    /// Of 1,000 landing-page views an ad reports, how many GA4 records: the rest decline analytics cookies on the
    /// consent banner Thai sites show under the PDPA, or leave before the tag fires.
    static let recordedPermille: Int64 = 200

    /// A free shipping threshold, as Thai beauty sites set one: 599 baht.
    static let freeShippingFromMinor: Int64 = 59_900
    static let shippingMinor: Int64 = 4_000

    struct Page: Sendable {
        let path: String
        let title: String
    }

    static let home = Page(path: "/", title: "Sukhon Beauty | สุคนธ์ บิวตี้ สกินแคร์ไทย")
    static let cart = Page(path: "/cart", title: "ตะกร้าสินค้า | Sukhon Beauty")
    static let checkout = Page(path: "/checkout", title: "ชำระเงิน | Sukhon Beauty")
    static let thankYou = Page(path: "/checkout/thank-you", title: "ขอบคุณสำหรับคำสั่งซื้อ | Sukhon Beauty")
    static let whereToBuy = Page(path: "/where-to-buy", title: "ซื้อได้ที่ร้านค้าออนไลน์ | Sukhon Beauty")

    /// Pages a visitor browses between landing and leaving.
    static let browsing: [Page] = [
        home,
        Page(path: "/collections/serums", title: "เซรั่ม | Sukhon Beauty"),
        Page(path: "/collections/sunscreen", title: "กันแดด | Sukhon Beauty"),
        Page(path: "/collections/lip-care", title: "ลิปแคร์ | Sukhon Beauty"),
        Page(path: "/collections/body", title: "ผิวกาย | Sukhon Beauty"),
        Page(path: "/collections/gift-sets", title: "ชุดของขวัญ | Sukhon Beauty"),
        Page(path: "/blog/how-to-layer-serums", title: "ลงเซรั่มกี่ตัวดี เรียงยังไง | Sukhon Beauty"),
        Page(path: "/blog/sunscreen-for-thai-weather", title: "กันแดดแบบไหนเหมาะกับอากาศเมืองไทย | Sukhon Beauty"),
        Page(path: "/our-story", title: "เรื่องราวของเรา | Sukhon Beauty"),
        whereToBuy,
    ]

    /// Every listing's page, by the catalogue's product index, and the other way round.
    static let productPages: [Page] = SandboxCatalog.shared.products.map(productPage)
    static let productIndexByPath: [String: Int] = Dictionary(productPages.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })

    /// A product's page, named after its English name.
    private static func productPage(_ product: SandboxProduct) -> Page {
        let slug = product.englishName.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return Page(path: "/products/" + slug.split(separator: "-").joined(separator: "-"), title: "\(product.englishName) | Sukhon Beauty")
    }

    /// The page at a landing URL's path: a known page, else one titled after its last path segment.
    static func page(at url: String) -> Page {
        var path = String(url.dropFirst(origin.count).prefix { $0 != "?" && $0 != "#" })
        if path.isEmpty { path = "/" }
        if let known = browsing.first(where: { $0.path == path }) { return known }
        let name = path.split(separator: "/").last.map { $0.replacingOccurrences(of: "-", with: " ").capitalized } ?? "Sukhon Beauty"
        return Page(path: path, title: "\(name) | Sukhon Beauty")
    }
}
