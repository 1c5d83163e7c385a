import OmnidashCore

/// Assembles a day of the website: the sessions of the visitors who arrive that day and of those returning from the
/// four weeks before, in start order, with transaction ids for the brand's own checkouts and the marketplace orders
/// the site handed on attached to the sessions that led to them.
struct WebsiteDayGenerator: Sendable {
    let seed: UInt64
    let sessions: WebsiteSessionBuilder
    let catalog: SandboxCatalog

    /// One marketplace order in this many was placed by a website visitor sent on to the marketplace's checkout.
    static let handoffOneIn: Int64 = 40
    /// How long before an order the visit that sent the buyer may have started.
    static let handoffWindowMicros: Int64 = 30 * 60 * 1_000_000

    func sessions(on day: BusinessDate, visitors: (BusinessDate) -> [WebsiteVisitor],
                  marketplaceOrders: [(order: SimulatedOrder, marketplace: Platform)]) -> [WebsiteSession] {
        var result: [WebsiteSession] = []
        for offset in 0...WebsiteVisitorGenerator.returnWindowDays {
            for visitor in visitors(day.adding(days: -offset)) {
                for (index, visit) in visitor.visits.enumerated() where visit.dayOffset == offset {
                    result.append(sessions.session(of: visitor, visit: index, on: day))
                }
            }
        }
        result.sort { ($0.startMicros, $0.userPseudoID) < ($1.startMicros, $1.userPseudoID) }
        attach(marketplaceOrders, to: &result)
        numberOwnCheckouts(&result, on: day)
        return result
    }

    /// Gives each handed-on order to the latest engaged session without a purchase that started within the window
    /// before it; an order with no such session was not tracked by the site.
    private func attach(_ orders: [(order: SimulatedOrder, marketplace: Platform)], to sessions: inout [WebsiteSession]) {
        let chosen = orders.filter { UInt64(bitPattern: StableHash.fnv1a($0.order.orderSN)) % UInt64(Self.handoffOneIn) == 0 }
            .sorted { $0.order.createTime < $1.order.createTime }
        for (order, marketplace) in chosen {
            let time = order.createTime * 1_000_000
            var index = sessions.partitionIndex { $0.startMicros >= time } - 1
            while index >= 0, sessions[index].startMicros >= time - Self.handoffWindowMicros {
                if sessions[index].purchase == nil, sessions[index].pageViews.count >= 2 { break }
                index -= 1
            }
            guard index >= 0, sessions[index].startMicros >= time - Self.handoffWindowMicros else { continue }
            let items = order.lines.map { line in
                WebsiteSessionBuilder.item(catalog.product(of: line.unit), catalog.model(of: line.unit), priceMinor: line.discountedPriceMinor,
                                           quantity: line.quantity)
            }
            sessions[index].purchase = WebsitePurchase(
                transactionID: order.orderSN, timestampMicros: time, valueMinor: items.reduce(0) { $0 + $1.priceMinor * Int64($1.quantity) },
                shippingMinor: order.buyerShippingFeeMinor, items: items, marketplace: marketplace)
            sessions[index].endMicros = max(sessions[index].endMicros, time + 1_000_000)
        }
    }

    /// The brand's shop numbers its orders per day in checkout order: `SKB` + the date + a four-digit serial.
    private func numberOwnCheckouts(_ sessions: inout [WebsiteSession], on day: BusinessDate) {
        let prefix = "SKB" + day.description.replacingOccurrences(of: "-", with: "")
        let own = sessions.indices.filter { sessions[$0].purchase?.marketplace == nil && sessions[$0].purchase != nil }
            .sorted { sessions[$0].purchase!.timestampMicros < sessions[$1].purchase!.timestampMicros }
        for (serial, index) in own.enumerated() {
            let purchase = sessions[index].purchase!
            let number = String(serial + 1)
            sessions[index].purchase = WebsitePurchase(
                transactionID: prefix + String(repeating: "0", count: max(0, 4 - number.count)) + number, timestampMicros: purchase.timestampMicros,
                valueMinor: purchase.valueMinor, shippingMinor: purchase.shippingMinor, items: purchase.items, marketplace: nil)
        }
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, for a predicate that is false then true along the array.
    fileprivate func partitionIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
