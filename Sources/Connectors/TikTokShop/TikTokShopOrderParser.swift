import OmnidashCore
import Warehouse

/// Turns one order object of `/order/202309/orders/search` into a `raw_tiktok_orders` row, or a reject with a
/// one-line reason.
///
/// The order is read in one pass (`JSONReader`) while `JSONRedactor` copies it to `raw_json` with the buyer's fields
/// hashed. Amounts are decimal strings (`"199.00"`) and stay text; each line item is checked here so staging can
/// trust them.
public struct TikTokShopOrderParser: Sendable {
    /// Buyer PII in a TikTok Shop order (ecommerce-apis.md §3.4). The address's region code and district list stay,
    /// for geography.
    static let redactor = JSONRedactor(Dictionary(uniqueKeysWithValues: [
        (["user_id"], PIIHasher.Kind.identifier), (["buyer_email"], .identifier), (["cpf"], .identifier),
        (["cpf_name"], .text),
    ] + ["name", "first_name", "last_name", "first_name_local_script", "last_name_local_script", "full_address",
         "address_detail", "address_line1", "address_line2", "address_line3", "address_line4", "postal_code"].map {
        (["recipient_address", $0], PIIHasher.Kind.text)
    } + [(["recipient_address", "phone_number"], .phone)]), withholding: [["buyer_message"], ["seller_note"]])

    public let hasher: PIIHasher

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range, shopID: shopID) }
    }

    /// The fields Omnidash reads from one order.
    private struct Fields {
        var orderID: String?, status: String?, createTime: Int64?, updateTime: Int64?, paymentMethod: String?
        var currency: String?, totalAmount: String?, subTotal: String?
        var userID: String?, buyerEmail: String?
        var items: String?
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        var fields = Fields()
        func reject(_ reason: String, payload: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.tiktokShop.rawValue, stream: "orders", accountID: shopID,
                              recordKey: fields.orderID ?? Self.orderID(in: buffer, range), reason: reason, payload: payload))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        var redacted: [UInt8] = []
        redacted.reserveCapacity(range.count + 256)
        var reader = JSONReader(buffer, range: range)
        do {
            try Self.redactor.redactObject(&reader, hasher: hasher, into: &redacted, hashed: { key, value throws(JSONReadError) in
                if key == "user_id" { fields.userID = value.hash } else if key == "buyer_email" { fields.buyerEmail = value.hash }
            }) { reader, key throws(JSONReadError) in
                if key == "id" {
                    fields.orderID = try JSONReadError.within("id", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else if key == "status" {
                    fields.status = try JSONReadError.within("status", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else if key == "create_time" {
                    fields.createTime = try JSONReadError.within("create_time", &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                } else if key == "update_time" {
                    fields.updateTime = try JSONReadError.within("update_time", &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                } else if key == "payment_method_name" {
                    fields.paymentMethod = try JSONReadError.within("payment_method_name", &reader) { reader throws(JSONReadError) in
                        try reader.readOptionalString()
                    }
                } else if key == "payment" {
                    try Self.readPayment(&reader, into: &fields)
                } else if key == "line_items" {
                    let start = reader.position
                    try Self.readLineItems(&reader)
                    fields.items = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<reader.position]), as: UTF8.self)
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
        guard let orderID = fields.orderID, !orderID.isEmpty else { return reject("id: is required", payload: rawJSON) }
        guard let status = fields.status, !status.isEmpty else { return reject("status: is required", payload: rawJSON) }
        guard let createTime = fields.createTime else { return reject("create_time: is required", payload: rawJSON) }
        guard let updateTime = fields.updateTime else { return reject("update_time: is required", payload: rawJSON) }
        guard let items = fields.items, items != "[]" else { return reject("line_items: the order has none", payload: rawJSON) }
        guard let currency = fields.currency, currency.utf8.count == 3 else {
            return reject("payment.currency: missing or not a 3-letter code", payload: rawJSON)
        }
        var row = TikTokShopRawTables.orders.row()
        row["order_id"] = .text(orderID)
        row["shop_id"] = .text(shopID)
        row["user_id"] = SQLValue(fields.userID)
        row["buyer_email"] = SQLValue(fields.buyerEmail)
        row["order_status"] = .text(status)
        row["payment_method"] = SQLValue(fields.paymentMethod)
        row["total_amount"] = SQLValue(fields.totalAmount)
        row["sub_total"] = SQLValue(fields.subTotal)
        row["currency"] = .text(currency)
        row["create_time"] = .integer(createTime)
        row["update_time"] = .integer(updateTime)
        row["items"] = .text(items)
        row["raw_json"] = .text(rawJSON)
        return .row(row)
    }

    private static func readPayment(_ reader: inout JSONReader, into fields: inout Fields) throws(JSONReadError) {
        try JSONReadError.within("payment", &reader) { reader throws(JSONReadError) in
            try reader.readObject { reader, key throws(JSONReadError) in
                if key == "currency" {
                    fields.currency = try JSONReadError.within("payment.currency", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else if key == "total_amount" {
                    fields.totalAmount = try JSONReadError.within("payment.total_amount", &reader) { reader throws(JSONReadError) in
                        try amountText(&reader)
                    }
                } else if key == "sub_total" {
                    fields.subTotal = try JSONReadError.within("payment.sub_total", &reader) { reader throws(JSONReadError) in
                        try amountText(&reader)
                    }
                } else {
                    try reader.skipValue()
                }
            }
        }
    }

    /// Checks every line item: an id, a `sku_id` and a `sale_price` Omnidash can hold exactly.
    private static func readLineItems(_ reader: inout JSONReader) throws(JSONReadError) {
        try JSONReadError.within("line_items", &reader) { reader throws(JSONReadError) in
            try reader.readArray { reader, index throws(JSONReadError) in
                var id: String?, skuID: String?, salePrice: String?
                try JSONReadError.within("line_items[\(index)]", &reader) { reader throws(JSONReadError) in
                    try reader.readObject { reader, key throws(JSONReadError) in
                        if key == "id" {
                            id = try JSONReadError.within("line_items[\(index)].id", &reader) { reader throws(JSONReadError) in try reader.readString() }
                        } else if key == "sku_id" {
                            skuID = try JSONReadError.within("line_items[\(index)].sku_id", &reader) { reader throws(JSONReadError) in
                                try reader.readString()
                            }
                        } else if key == "sale_price" {
                            salePrice = try JSONReadError.within("line_items[\(index)].sale_price", &reader) { reader throws(JSONReadError) in
                                try amountText(&reader)
                            }
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
                guard id != nil else { throw .invalid("line_items[\(index)].id: is required") }
                guard skuID != nil else { throw .invalid("line_items[\(index)].sku_id: is required") }
                guard salePrice != nil else { throw .invalid("line_items[\(index)].sale_price: is required") }
            }
        }
    }

    /// The `id` of a record too broken to read in one pass (or whose error came before its `id`), so its reject still
    /// names the order.
    private static func orderID(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        guard let root = try? scanner.root() else { return nil }
        return (try? scanner.members(of: root))?.first { $0.key == "id" }.flatMap { scanner.string($0.value) }
    }

    /// An amount TikTok writes as a decimal string (`"35.97"`), checked to be one Omnidash holds exactly.
    static func amountText(_ reader: inout JSONReader) throws(JSONReadError) -> String {
        let start = reader.position
        let text = try reader.readString()
        guard FixedDecimal(text) != nil else {
            throw .wrongType(expected: "an amount as decimal text with at most 6 places", found: "'\(text)'", at: start)
        }
        return text
    }
}
