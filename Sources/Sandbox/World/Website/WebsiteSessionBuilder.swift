import OmnidashCore

/// Turns one visit of a visitor into a session: when, which pages, how long, and how far down the shop's funnel it got.
/// Purchases made on the brand's own shop are decided here; checkouts handed on to a marketplace are attached later
/// by `WebsiteDayGenerator`, which knows the marketplaces' orders.
struct WebsiteSessionBuilder: Sendable {
    let seed: UInt64
    let calendar: BusinessCalendar
    let catalog: SandboxCatalog

    func session(of visitor: WebsiteVisitor, visit index: Int, on day: BusinessDate) -> WebsiteSession {
        var generator = SeededGenerator(seed: seed, stream: .websiteSession, visitor.streamKey, Int64(index))
        let visit = visitor.visits[index]
        let start: Int64
        if index == 0 {
            start = visitor.firstTouchMicros
        } else if visit.dayOffset == 0 {
            start = visitor.firstTouchMicros + Int64(generator.int(in: 1_800...21_600)) * 1_000_000 + Int64(generator.below(1_000_000))
        } else {
            start = (calendar.startOfDay(day) + Int64(WebsiteVisitorGenerator.drawSecondOfDay(using: &generator))) * 1_000_000
                + Int64(generator.below(1_000_000))
        }
        let pageCount = 1 + generator.index(weights: [38, 20, 14, 10, 7, 5, 3, 3])
        var time = start
        var pageViews = [WebsitePageView(path: visit.landing.path, title: visit.landing.title, timestampMicros: time,
                                         referrer: referrer(of: visit.source))]
        for _ in 1..<pageCount {
            time += Int64(generator.int(in: 8...75)) * 1_000_000 + Int64(generator.below(1_000_000))
            let page = generator.chance(0.55)
                ? SandboxWebsite.productPages[catalog.units[catalog.drawUnit(using: &generator)].productIndex]
                : SandboxWebsite.browsing[generator.below(SandboxWebsite.browsing.count)]
            pageViews.append(WebsitePageView(path: page.path, title: page.title, timestampMicros: time, referrer: nil))
        }

        var funnel: [WebsiteFunnelEvent] = []
        var purchase: WebsitePurchase?
        if let viewed = pageViews.last(where: { $0.path.hasPrefix("/products/") }) {
            let item = self.item(onPage: viewed.path, using: &generator)
            funnel.append(WebsiteFunnelEvent(name: "view_item", timestampMicros: viewed.timestampMicros + 1_500_000, item: item))
            if generator.chance(0.12) {
                time += Int64(generator.int(in: 10...40)) * 1_000_000
                funnel.append(WebsiteFunnelEvent(name: "add_to_cart", timestampMicros: time, item: item))
                pageViews.append(WebsitePageView(path: SandboxWebsite.cart.path, title: SandboxWebsite.cart.title, timestampMicros: time + 800_000,
                                                 referrer: nil))
                time += 800_000
                if generator.chance(0.55) {
                    time += Int64(generator.int(in: 20...90)) * 1_000_000
                    funnel.append(WebsiteFunnelEvent(name: "begin_checkout", timestampMicros: time, item: item))
                    pageViews.append(WebsitePageView(path: SandboxWebsite.checkout.path, title: SandboxWebsite.checkout.title,
                                                     timestampMicros: time + 700_000, referrer: nil))
                    time += 700_000
                    if generator.chance(0.5) {
                        time += Int64(generator.int(in: 60...240)) * 1_000_000
                        purchase = ownShopPurchase(first: item, at: time, using: &generator)
                        pageViews.append(WebsitePageView(path: SandboxWebsite.thankYou.path, title: SandboxWebsite.thankYou.title,
                                                         timestampMicros: time + 900_000, referrer: nil))
                        time += 900_000
                    }
                }
            }
        }
        // One quick look at a single page is the typical bounce; everything else keeps the page in front for a while.
        let engagement: Int64 = pageViews.count == 1 && generator.chance(0.45)
            ? Int64(generator.int(in: 1_500...9_500))
            : Int64(generator.int(in: 11_000...30_000)) + (time - start) / 1_000 * 8 / 10
        let end = max(time, start + engagement * 1_000) + Int64(generator.int(in: 200...3_000)) * 1_000

        return WebsiteSession(
            userPseudoID: visitor.pseudoID, sessionID: start / 1_000_000, sessionNumber: index + 1, day: day, startMicros: start,
            endMicros: end, device: visitor.device, geo: visitor.geo, firstUserSource: visitor.visits[0].source ?? .direct,
            collected: visit.source, attributed: visitor.attributed(index), pageViews: pageViews, engagementMsec: engagement,
            purchase: purchase, funnel: funnel)
    }

    private func referrer(of source: WebsiteTrafficSource?) -> String? {
        guard let source else { return nil }
        switch source.medium {
        case "organic": return "https://www.\(source.source).com/"
        case "referral": return "https://\(source.source)/"
        default: return nil
        }
    }

    /// The item a product page shows: its first model at the list price the website charges.
    private func item(onPage path: String, using generator: inout SeededGenerator) -> WebsitePurchase.Item {
        let product = SandboxWebsite.productIndexByPath[path].map { catalog.products[$0] }.flatMap { $0.status == "NORMAL" ? $0 : nil }
            ?? catalog.product(of: catalog.drawUnit(using: &generator))
        return Self.item(product, product.models[0], priceMinor: product.models[0].listPriceMinor, quantity: 1)
    }

    static func item(_ product: SandboxProduct, _ model: SandboxProductModel, priceMinor: Int64, quantity: Int) -> WebsitePurchase.Item {
        WebsitePurchase.Item(itemID: model.skuMaster, name: product.englishName + (model.name.isEmpty ? "" : " " + model.name),
                             category: product.category, brand: product.brand, priceMinor: priceMinor, quantity: quantity)
    }

    /// A checkout on the brand's own shop: the item that led to it, sometimes with more; the transaction id is set by
    /// the day once every purchase of the day is known.
    private func ownShopPurchase(first: WebsitePurchase.Item, at time: Int64, using generator: inout SeededGenerator) -> WebsitePurchase {
        var items = [WebsitePurchase.Item(itemID: first.itemID, name: first.name, category: first.category, brand: first.brand,
                                          priceMinor: first.priceMinor, quantity: generator.chance(0.2) ? 2 : 1)]
        for _ in 0..<generator.index(weights: [70, 22, 8]) {
            let unit = catalog.drawUnit(using: &generator)
            let product = catalog.product(of: unit), model = catalog.model(of: unit)
            guard !items.contains(where: { $0.itemID == model.skuMaster }) else { continue }
            items.append(Self.item(product, model, priceMinor: model.listPriceMinor, quantity: 1))
        }
        let value = items.reduce(0) { $0 + $1.priceMinor * Int64($1.quantity) }
        return WebsitePurchase(transactionID: "", timestampMicros: time, valueMinor: value,
                               shippingMinor: value >= SandboxWebsite.freeShippingFromMinor ? 0 : SandboxWebsite.shippingMinor,
                               items: items, marketplace: nil)
    }
}
