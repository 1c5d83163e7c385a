import OmnidashCore
import Warehouse

/// Turns one `get_order_detail` order object into a `raw_shopee_orders` row, or a reject with a one-line
/// reason: the one parsing seam shared by the connector and by `omnidash import shopee-orders`.
///
/// The record is read from its own bytes in one pass (`JSONReader`), so a malformed order is rejected alone and
/// the rest of its page loads: the typed fields, exact amounts (`FixedDecimal`) and `raw_json`, the record as
/// received with buyer PII replaced by keyed hashes and buyer free text withheld, come out of the same walk.
public struct ShopeeOrderParser: Sendable {

    /// Buyer PII in a Shopee order (ecommerce-apis.md §1.5); province-level address parts stay for geography.
    static let redactor = JSONRedactor([
        ["buyer_username"]: .identifier,
        ["buyer_user_id"]: .identifier,
        ["buyer_cpf_id"]: .identifier,
        ["dropshipper"]: .text,
        ["dropshipper_phone"]: .phone,
        ["invoice_data"]: .text,
        ["recipient_address", "name"]: .text,
        ["recipient_address", "phone"]: .phone,
        ["recipient_address", "full_address"]: .text,
        ["recipient_address", "town"]: .text,
        ["recipient_address", "district"]: .text,
        ["recipient_address", "zipcode"]: .text,
    ], withholding: [["note"], ["message_to_seller"], ["buyer_cancel_reason"]])

    public let hasher: PIIHasher

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    /// - Parameters:
    ///   - scanner: The page (or file line) holding the record.
    ///   - range: The record's object.
    ///   - shopID: The shop the record belongs to (order objects do not carry it).
    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range, shopID: shopID) }
    }

    /// One pass over the record: the fields Omnidash reads, exact amounts, and `raw_json` with PII hashed, together.
    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        parseWithColumns(buffer, range, shopID: shopID).record
    }

    /// `parse`, and for a row also the columns staging reads, typed, for an import that stages as it loads.
    public func parseWithColumns(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                 shopID: String) -> (record: ParsedRecord, columns: ShopeeOrderColumns?) {
        var order = ShopeeOrder()
        var buyerHash: String?
        var redacted: [UInt8] = []
        redacted.reserveCapacity(range.count + 256)
        var reader = JSONReader(buffer, range: range)
        func reject(_ reason: String, payload: String?) -> (record: ParsedRecord, columns: ShopeeOrderColumns?) {
            (.reject(RawReject(source: Platform.shopee.rawValue, stream: "orders", accountID: shopID,
                              recordKey: order.orderSN.isEmpty ? Self.orderSN(in: buffer, range) : order.orderSN,
                              reason: reason, payload: payload)), nil)
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        var seen: UInt8 = 0
        do {
            try Self.redactor.redactObject(&reader, hasher: hasher, into: &redacted, hashed: { key, value throws(JSONReadError) in
                guard key == "buyer_username" else { return }
                guard value.wasString else { throw .invalid("buyer_username: expected a string") }
                buyerHash = value.hash
            }) { reader, key throws(JSONReadError) in
                if key == "order_sn" {
                    order.orderSN = try JSONReadError.within("order_sn", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    seen |= 1
                } else if key == "currency" {
                    order.currency = try JSONReadError.within("currency", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    seen |= 2
                } else if key == "order_status" {
                    order.orderStatus = try JSONReadError.within("order_status", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    seen |= 4
                } else if key == "create_time" {
                    order.createTime = try JSONReadError.within("create_time", &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                    seen |= 8
                } else if key == "update_time" {
                    order.updateTime = try JSONReadError.within("update_time", &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                    seen |= 16
                } else if key == "item_list" {
                    let start = reader.position
                    try JSONReadError.within("item_list", &reader) { reader throws(JSONReadError) in
                        try reader.readArray { reader, index throws(JSONReadError) in
                            order.itemList.append(try ShopeeOrderItem.read(&reader, index: index))
                        }
                    }
                    order.itemsRange = start..<reader.position
                    seen |= 32
                } else if key == "total_amount" {
                    order.totalAmount = try JSONReadError.within("total_amount", &reader) { reader throws(JSONReadError) in
                        try reader.readNull() ? nil : try reader.readAmount()
                    }
                } else if key == "payment_method" {
                    order.paymentMethod = try JSONReadError.within("payment_method", &reader) { reader throws(JSONReadError) in
                        try reader.readOptionalString()
                    }
                } else {
                    return .skip
                }
                return .read
            }
            try reader.expectEnd()
        } catch {
            return reject(error.description, payload: Self.redactor.rejectPayload(buffer, range, hasher: hasher))
        }
        let rawJSON = String(decoding: redacted, as: UTF8.self)
        for (bit, name) in ["order_sn", "currency", "order_status", "create_time", "update_time", "item_list"].enumerated()
        where seen & (1 << bit) == 0 {
            return reject("\(name): is required", payload: rawJSON)
        }
        if let problem = order.validationProblem() { return reject(problem, payload: rawJSON) }
        var row = ShopeeRawTables.orders.row()
        row["order_id"] = .text(order.orderSN)
        row["order_sn"] = .text(order.orderSN)
        row["shop_id"] = .text(shopID)
        row["buyer_username"] = SQLValue(buyerHash)
        row["order_status"] = .text(order.orderStatus)
        row["payment_method"] = SQLValue(order.paymentMethod)
        row["total_amount"] = SQLValue(order.totalAmount.map(\.description))
        row["currency"] = .text(order.currency)
        row["create_time"] = .integer(order.createTime)
        row["update_time"] = .integer(order.updateTime)
        row["items"] = .text(order.itemsRange.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) } ?? "[]")
        row["raw_json"] = .text(rawJSON)
        let columns = ShopeeOrderColumns(
            orderSN: order.orderSN, shopID: shopID, buyerHash: buyerHash, orderStatus: order.orderStatus,
            paymentMethod: order.paymentMethod, currency: order.currency, createTime: order.createTime, updateTime: order.updateTime,
            items: order.itemList)
        return (.row(row), columns)
    }

    /// The record's `order_sn` when a malformed record still has one, so its reject names the order.
    private static func orderSN(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        guard let root = try? scanner.root() else { return nil }
        return (try? scanner.members(of: root))?.first { $0.key == "order_sn" }.flatMap { scanner.string($0.value) }
    }
}
