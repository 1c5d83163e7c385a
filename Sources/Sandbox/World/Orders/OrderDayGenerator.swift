import OmnidashCore

/// Produces the orders one shop received on one business day, from random streams seeded by (seed, day, shop) only,
/// so that any day of any shop can be generated on its own, in any order, any number of times, with the same result.
struct OrderDayGenerator: Sendable {
    let seed: UInt64
    let calendar: BusinessCalendar
    let demand: DemandCalendar
    let serials: OrderSerial
    let buyers: ThaiBuyerDirectory
    let catalog: SandboxCatalog
    let shops: [SandboxShop]

    private static let hour: Int64 = 3_600
    private static let dayLength: Int64 = 86_400

    func orders(on day: BusinessDate, shop shopIndex: Int) -> [SimulatedOrder] {
        let shop = shops[shopIndex]
        let plan = demand.plan(for: day, shop: shop)
        var generator = stream(.dayOrders, shop: shop, Int64(day.daysSinceEpoch))
        let start = calendar.startOfDay(day)
        let end = calendar.startOfDay(day.adding(days: 1))
        var times: [Int64] = []
        times.reserveCapacity(plan.orderCount)
        let cumulativeHours = SeededGenerator.cumulative(plan.hourWeights)
        for _ in 0..<plan.orderCount {
            let hour = Int64(generator.index(cumulative: cumulativeHours))
            let time = start + hour * OrderDayGenerator.hour + Int64(generator.below(3_600))
            times.append(min(time, end - 1))
        }
        times.sort()
        return times.enumerated().map { index, time in
            makeOrder(day: day, index: index, shop: shopIndex, createTime: time, campaignDay: plan.isCampaignDay)
        }
    }

    /// A random stream of `shop`; the reference shop's streams are keyed exactly as before shops existed.
    private func stream(_ stream: RandomStream, shop: SandboxShop, _ keys: Int64...) -> SeededGenerator {
        switch keys.count {
        case 1: shop.streamKey == 0 ? SeededGenerator(seed: seed, stream: stream, keys[0])
            : SeededGenerator(seed: seed, stream: stream, keys[0], shop.streamKey)
        default: shop.streamKey == 0 ? SeededGenerator(seed: seed, stream: stream, keys[0], keys[1])
            : SeededGenerator(seed: seed, stream: stream, keys[0], keys[1], shop.streamKey)
        }
    }

    private func makeOrder(day: BusinessDate, index: Int, shop shopIndex: Int, createTime: Int64, campaignDay: Bool) -> SimulatedOrder {
        let shop = shops[shopIndex]
        var generator = stream(.orderCore, shop: shop, Int64(day.daysSinceEpoch), Int64(index))
        let lines = makeLines(day: day, campaignDay: campaignDay, using: &generator)
        let payment = PaymentMethod(rawValue: generator.index(weights: PaymentMethod.weights))!
        let buyer = buyers.drawBuyer(using: &generator)
        let itemsTotal = lines.reduce(Int64(0)) { $0 + $1.discountedPriceMinor * Int64($1.quantity) }
        let grams = lines.reduce(0) { $0 + catalog.product(of: $1.unit).weightGrams * $1.quantity }
        // Free shipping above ฿499 (the usual Thai free-shipping voucher); heavier parcels cost a little more.
        let buyerShipping: Int64 = itemsTotal >= 49_900 ? 0 : (grams > 1_000 ? 4_500 : 3_800)
        let estimatedShipping = 3_200 + Int64(grams / 500) * 800
        let actualShipping = estimatedShipping + Int64(generator.int(in: -300...300))
        let daysToShip = generator.chance(0.8) ? 2 : 3
        let carrier = OrderDayGenerator.carriers[generator.index(weights: OrderDayGenerator.carrierWeights)]
        let life = makeTimeline(createTime: createTime, payment: payment, using: &generator)
        var withdrawal = stream(.lineWithdrawal, shop: shop, Int64(day.daysSinceEpoch), Int64(index))
        return SimulatedOrder(
            orderSN: serials.make(day: day, index: index, shop: shop),
            shopIndex: shopIndex,
            day: day,
            index: index,
            createTime: createTime,
            lines: lines,
            payment: payment,
            buyerIndex: buyer,
            buyerShippingFeeMinor: buyerShipping,
            estimatedShippingFeeMinor: estimatedShipping,
            actualShippingFeeMinor: actualShipping,
            daysToShip: daysToShip,
            carrier: carrier,
            timeline: life.events,
            scheduledPayTime: life.payTime,
            cancellation: life.cancellation,
            withdrawnLine: shop.lineStatuses ? drawWithdrawal(lines: lines, life: life, using: &withdrawal) : nil,
            detailSeed: generator.next()
        )
    }

    private func makeLines(day: BusinessDate, campaignDay: Bool, using generator: inout SeededGenerator)
        -> [SimulatedOrder.Line]
    {
        let count = 1 + generator.index(weights: [0.58, 0.27, 0.11, 0.04])
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count, attempts < 20 {
            attempts += 1
            let unit = catalog.drawUnit(using: &generator)
            if !chosen.contains(unit) { chosen.append(unit) }
        }
        return chosen.map { unit in
            let quantity = 1 + generator.index(weights: [0.78, 0.16, 0.06])
            let original = catalog.model(of: unit).listPriceMinor
            let (percentOff, promotion) = drawDiscount(day: day, campaignDay: campaignDay, using: &generator)
            // Discounted prices are rounded to the satang, half up; they never exceed the original price.
            let discounted = (original * Int64(100 - percentOff) + 50) / 100
            return SimulatedOrder.Line(unit: unit, quantity: quantity, originalPriceMinor: original,
                                       discountedPriceMinor: min(discounted, original), promotion: promotion)
        }
    }

    private func drawDiscount(day: BusinessDate, campaignDay: Bool, using generator: inout SeededGenerator)
        -> (Int, SimulatedOrder.Promotion?)
    {
        let monthKey = Int64(day.year * 100 + day.month)
        let flashSale = SimulatedOrder.Promotion(type: "flash_sale", id: 779_200_000_000_000 + Int64(day.daysSinceEpoch))
        let productPromotion = SimulatedOrder.Promotion(type: "product_promotion", id: 688_100_000_000 + monthKey)
        let roll = generator.unit()
        if campaignDay {
            if roll < 0.4 { return (generator.int(in: 6...9) * 5, flashSale) }
            if roll < 0.8 { return (generator.int(in: 3...6) * 5, productPromotion) }
            return (0, nil)
        }
        if roll < 0.55 { return (0, nil) }
        if roll < 0.85 { return (generator.int(in: 1...4) * 5, productPromotion) }
        return (generator.int(in: 5...8) * 5, flashSale)
    }

    private struct Life {
        var events: [SimulatedOrder.StatusEvent]
        var payTime: Int64?
        var cancellation: SimulatedOrder.Cancellation?
    }

    /// Decides the order's whole life at creation: payment, shipping, delivery, completion, or a cancellation or
    /// return on the way. About 7 % end cancelled and 2.6 % of completed orders are returned.
    private func makeTimeline(createTime: Int64, payment: PaymentMethod, using generator: inout SeededGenerator) -> Life {
        let hour = OrderDayGenerator.hour, day = OrderDayGenerator.dayLength
        var life = Life(events: [], payTime: nil, cancellation: nil)
        var time = createTime
        if payment.isCashOnDelivery {
            life.events.append(.init(status: .readyToShip, time: time))
        } else {
            life.events.append(.init(status: .awaitingPayment, time: time))
            if generator.chance(0.028) {
                life.events.append(.init(status: .cancelled, time: time + day + generator.int64(in: 0...(2 * day))))
                life.cancellation = .init(by: "system", reason: "Unpaid Order", buyerReason: "")
                return life
            }
            let waitRoll = generator.unit()
            let wait: Int64 = waitRoll < 0.7 ? generator.int64(in: 60...600)
                : waitRoll < 0.95 ? generator.int64(in: 600...7_200) : generator.int64(in: 7_200...72_000)
            time += wait
            life.payTime = time
            life.events.append(.init(status: .readyToShip, time: time))
        }
        let readyToShip = time
        let cancelRoll = generator.unit()
        if cancelRoll < 0.036 {
            let reason = generator.pick(OrderDayGenerator.buyerCancelReasons)
            if generator.chance(0.5) {
                let requested = readyToShip + generator.int64(in: hour...(10 * hour))
                life.events.append(.init(status: .cancelRequested, time: requested))
                life.events.append(.init(status: .cancelled, time: requested + generator.int64(in: (2 * hour)...(30 * hour))))
            } else {
                life.events.append(.init(status: .cancelled, time: readyToShip + generator.int64(in: 600...(6 * hour))))
            }
            life.cancellation = .init(by: "buyer", reason: reason, buyerReason: reason)
            return life
        }
        if cancelRoll < 0.044 {
            life.events.append(.init(status: .cancelled, time: readyToShip + generator.int64(in: (2 * hour)...(20 * hour))))
            life.cancellation = .init(by: "seller", reason: "Out of Stock", buyerReason: "")
            return life
        }
        let processed = readyToShip + generator.int64(in: hour...(20 * hour))
        let shipped = processed + generator.int64(in: (2 * hour)...(30 * hour))
        life.events.append(.init(status: .packed, time: processed))
        life.events.append(.init(status: .shipped, time: shipped))
        if payment.isCashOnDelivery, generator.chance(0.03) {
            // The buyer refused the parcel at the door; the order ends cancelled and is never paid.
            life.events.append(.init(status: .cancelled, time: shipped + generator.int64(in: (2 * day)...(4 * day))))
            life.cancellation = .init(by: "system", reason: "Failed Delivery", buyerReason: "")
            return life
        }
        let delivered = shipped + generator.int64(in: day...(3 * day))
        let completed = delivered + generator.int64(in: day...(3 * day))
        life.events.append(.init(status: .delivered, time: delivered))
        life.events.append(.init(status: .completed, time: completed))
        if payment.isCashOnDelivery { life.payTime = delivered }
        if generator.chance(0.026) {
            life.events.append(.init(status: .returned, time: completed + generator.int64(in: day...(5 * day))))
        }
        return life
    }

    /// On marketplaces with a status per line, about 6 % of shipped orders with several lines lose one: the seller
    /// cancels it alone (out of stock) a few hours after payment, and the rest of the order goes on.
    private func drawWithdrawal(lines: [SimulatedOrder.Line], life: Life,
                                using generator: inout SeededGenerator) -> SimulatedOrder.WithdrawnLine? {
        guard lines.count > 1, generator.chance(0.06),
              let ready = life.events.first(where: { $0.status == .readyToShip })?.time,
              let packed = life.events.first(where: { $0.status == .packed })?.time
        else { return nil }
        return .init(index: generator.below(lines.count), time: ready + (packed - ready) / 2)
    }

    /// Upper bound on creation-to-last-event time, for finding orders by `update_time`.
    static let longestLife: Int64 = 18 * dayLength

    static let carriers = ["SPX Express", "Flash Express", "Kerry Express", "J&T Express"]
    static let carrierWeights: [Double] = [0.45, 0.2, 0.2, 0.15]
    static let buyerCancelReasons = [
        "Need to change delivery address", "Need to modify order (size, color, quantity, etc.)",
        "Found cheaper elsewhere", "Change of mind", "Seller is not responsive to my inquiries", "Others",
    ]
}
