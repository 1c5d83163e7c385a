import Foundation

extension SandboxWorld {
    /// The brand's reference Shopee shop (the official store, first of the world's Shopee shops); the world always has it.
    var shopeeShop: SandboxShop { shop(on: .shopee)! }

    /// Writes `count` Shopee order objects of the reference shop, one compact JSON object per line (each line ends with `\n`), each exactly
    /// as `order/get_order_detail` returns it in `response.order_list[]` when every optional field is requested.
    ///
    /// Walks back day by day from `asOf − 1` (orders within a day in creation order), generating one day at a time
    /// without caching it, so memory stays flat however many orders are written. `write` receives chunks of whole
    /// lines.
    ///
    /// - Throws: whatever `write` throws; the export stops there.
    public func exportShopeeOrders(count: Int, write: (Data) throws -> Void) throws {
        guard count > 0 else { return }
        let renderer = ShopeeOrderRenderer(world: self, shop: shopeeShop)
        let fields = ShopeeOrderRenderer.allOptionalFields
        var remaining = count
        var day = asOf.adding(days: -1)
        // The walk stops if it ever finds a long run of empty days, which only a broken calendar could produce.
        var emptyDays = 0
        while remaining > 0, emptyDays < 366 {
            let orders = uncachedOrders(on: day, shop: shopeeShop)
            emptyDays = orders.isEmpty ? emptyDays + 1 : 0
            var chunkBytes: [UInt8] = []
            chunkBytes.reserveCapacity(1 << 20)
            for order in orders.prefix(remaining) {
                var line = JSONWriter(reservingCapacity: 2_048)
                renderer.write(order, fields: fields, into: &line)
                chunkBytes.append(contentsOf: line.bytes)
                chunkBytes.append(UInt8(ascii: "\n"))
                remaining -= 1
                if chunkBytes.count >= 1 << 20 {
                    try write(Data(chunkBytes))
                    chunkBytes.removeAll(keepingCapacity: true)
                }
            }
            if !chunkBytes.isEmpty { try write(Data(chunkBytes)) }
            day = day.adding(days: -1)
        }
    }
}
