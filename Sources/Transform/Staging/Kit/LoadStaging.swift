import Foundation
import OmnidashCore
import Warehouse

/// Stages pages of records as they are loaded: the `stg_*` rows of each raw record, built by the same code the staging
/// builders use, handed to `RawSink` as the page's dependent rows so raw and staging are written in one transaction.
/// An import uses it to skip reading everything it just wrote back out of the raw table.
///
/// The FX rates, SKU map and shop names are read once, when it is made: pages loaded after them change, use a new one.
public struct LoadStaging: Sendable {
    let context: StagingContext
    /// Shop names by platform and shop id, as the builders write them beside each order.
    let shopNames: [Platform: [String: String]]

    public static func prepare(warehouse: any Warehouse, configuration: OmnidashConfiguration, clock: WallClock = .system) async throws -> LoadStaging {
        var shopNames: [Platform: [String: String]] = [:]
        for (platform, load) in StagingRegistry.shopNames { shopNames[platform] = try await load(warehouse) }
        return LoadStaging(
            context: try await StagingContext.load(warehouse: warehouse, configuration: configuration, now: clock.now),
            shopNames: shopNames)
    }

    /// The `stg_orders` and `stg_order_items` rows of a page of orders of one platform, the `index`-th order's rows
    /// depending on the page's `index`-th raw row. Each source's extension maps its parsed columns to the orders.
    /// - Throws: `StagingError` when an order cannot be staged (no FX rate for its currency and date); the page is then
    ///   loaded unstaged, and the transform stages it and reports the error.
    func stage(_ orders: [MarketplaceOrder], platform: Platform, outcome: StagingOutcome) throws -> StagedRows {
        let staging = OrderStaging(platform: platform, context: context)
        var dates = Set<BusinessDate>()
        var orderRows: [TableRow] = []
        var itemRows: [TableRow] = []
        var itemParents: [Int] = []
        var links: [[SQLValue]] = []
        orderRows.reserveCapacity(orders.count)
        links.reserveCapacity(orders.count)
        for (index, order) in orders.enumerated() {
            let date = context.calendar.date(unixSeconds: order.createdAt)
            let (row, items) = try staging.rows(for: order, date: date)
            orderRows.append(row)
            itemRows.append(contentsOf: items)
            itemParents.append(contentsOf: repeatElement(index, count: items.count))
            links.append([.text(platform.rawValue), .text(order.shopID), .text(order.orderID)])
            dates.insert(date)
        }
        let link = ["platform", "shop_id", "order_id"]
        return StagedRows(
            dependents: [
                DependentRows(StagingTables.orders, link: link, parentLinks: links, rows: orderRows, parents: Array(orderRows.indices)),
                DependentRows(StagingTables.orderItems, link: link, parentLinks: links, rows: itemRows, parents: itemParents),
            ],
            dates: dates, unknownStatuses: outcome.unknownStatuses)
    }
}
