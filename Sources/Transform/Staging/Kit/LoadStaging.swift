import Foundation
import OmnidashCore
import Warehouse

/// Stages pages of records as they are loaded: the `stg_*` rows of each raw record, built by the same code the staging
/// builders use, handed to `RawSink` as the page's dependent rows so raw and staging are written in one transaction.
/// An import uses it to skip reading everything it just wrote back out of the raw table.
///
/// The FX rates, SKU map and shop names are read once, when it is made: pages loaded after them change, use a new one.
public struct LoadStaging: Sendable {
    private let context: StagingContext
    private let shopeeShopNames: [String: String]

    public static func prepare(warehouse: any Warehouse, configuration: OmnidashConfiguration, clock: WallClock = .system) async throws -> LoadStaging {
        LoadStaging(
            context: try await StagingContext.load(warehouse: warehouse, configuration: configuration, builtAt: Timestamp.string(clock.now)),
            shopeeShopNames: try await ShopeeOrdersStaging.shopNames(warehouse))
    }

    /// The `stg_orders` and `stg_order_items` rows of a page of Shopee orders, the `index`-th order's rows depending on
    /// the page's `index`-th raw row.
    /// - Parameter loadedAt: The page's load time (`RawSink.nextLoadTime()`), which `_ingested_at` is made from.
    /// - Throws: `StagingError` when an order cannot be staged (no FX rate for its currency and date); the page is then
    ///   loaded unstaged, and the transform stages it and reports the error.
    public func shopeeOrders(_ orders: [ShopeeOrderColumns], loadedAt: Int64) throws -> StagedRows {
        let ingestedAt = RawSink.ingestedAt(loadedAt)
        let staging = OrderStaging(platform: .shopee, context: context)
        var outcome = StagingOutcome()
        var orderRows: [TableRow] = []
        var itemRows: [TableRow] = []
        var itemParents: [Int] = []
        var links: [[SQLValue]] = []
        orderRows.reserveCapacity(orders.count)
        links.reserveCapacity(orders.count)
        for (index, columns) in orders.enumerated() {
            let order = ShopeeOrdersStaging.order(columns, shopName: shopeeShopNames[columns.shopID], ingestedAt: ingestedAt,
                                                  outcome: &outcome)
            let date = context.calendar.date(unixSeconds: columns.createTime)
            let (row, items) = try staging.rows(for: order, date: date)
            orderRows.append(row)
            itemRows.append(contentsOf: items)
            itemParents.append(contentsOf: repeatElement(index, count: items.count))
            links.append([.text(Platform.shopee.rawValue), .text(columns.shopID), .text(columns.orderSN)])
            outcome.touchedDates.insert(date)
        }
        let link = ["platform", "shop_id", "order_id"]
        return StagedRows(
            dependents: [
                DependentRows(StagingTables.orders, link: link, parentLinks: links, rows: orderRows, parents: Array(orderRows.indices)),
                DependentRows(StagingTables.orderItems, link: link, parentLinks: links, rows: itemRows, parents: itemParents),
            ],
            dates: outcome.touchedDates, unknownStatuses: outcome.unknownStatuses)
    }
}
