import Foundation
import OmnidashCore
import Warehouse

/// Turns one `/orders/get` order object and its items from `/orders/items/get` into a `raw_lazada_orders` row, or a
/// reject with a one-line reason.
///
/// The order and each item are read from their own bytes in one pass each (`JSONReader`), so a malformed order is
/// rejected alone and the rest of the page loads. `raw_json` and `items` keep the records as received with buyer PII replaced by keyed hashes.
public struct LazadaOrderParser: Sendable {
    /// Buyer PII in a Lazada order (ecommerce-apis.md §2.4); the province, district and sub-district
    /// (`address3`–`address5`, `city`) stay for geography.
    static let orderRedactor = JSONRedactor(Dictionary(uniqueKeysWithValues: [
        (["customer_first_name"], PIIHasher.Kind.text), (["customer_last_name"], .text),
        (["national_registration_number"], .identifier), (["tax_code"], .identifier),
        (["recipient_info", "identify_no"], .identifier), (["recipient_info", "passport_no"], .identifier),
        (["recipient_info", "detail_address"], .text),
    ] + ["address_shipping", "address_billing"].flatMap { address in
        [([address, "first_name"], PIIHasher.Kind.text), ([address, "last_name"], .text), ([address, "phone"], .phone),
         ([address, "phone2"], .phone), ([address, "address1"], .text), ([address, "address2"], .text), ([address, "post_code"], .text)]
    }), withholding: [["remarks"], ["gift_message"], ["buyer_note"]])

    static let itemRedactor = JSONRedactor([["buyer_id"]: .identifier])

    public let hasher: PIIHasher

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    /// - Parameters:
    ///   - items: The order's item objects, each a range in `itemScanner`.
    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, items: [Range<Int>], itemScanner: JSONScanner,
                      sellerID: String) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { buffer in
            itemScanner.bytes.withUnsafeBufferPointer { itemBuffer in
                parse(buffer, range, items: items, itemBuffer: itemBuffer, sellerID: sellerID)
            }
        }
    }

    /// One pass over the order and one over each item: the fields Omnidash reads and the redacted records together.
    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, items: [Range<Int>], itemBuffer: UnsafeBufferPointer<UInt8>,
               sellerID: String) -> ParsedRecord {
        var orderID: String?
        func reject(_ reason: String, payload: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.lazada.rawValue, stream: "orders", accountID: sellerID, recordKey: orderID ?? Self.orderID(in: buffer, range),
                              reason: reason, payload: payload))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        var orderNumber: String?, createdAt: String?, updatedAt: String?, price: String?, paymentMethod: String?, statuses: String?
        var firstName: String?, lastName: String?
        var redacted: [UInt8] = []
        redacted.reserveCapacity(range.count + 256)
        var reader = JSONReader(buffer, range: range)
        do {
            try Self.orderRedactor.redactObject(&reader, hasher: hasher, into: &redacted, hashed: { key, value throws(JSONReadError) in
                if key == "customer_first_name" { firstName = value.clear } else if key == "customer_last_name" { lastName = value.clear }
            }) { reader, key throws(JSONReadError) in
                if key == "order_id" {
                    orderID = try JSONReadError.within("order_id", &reader) { reader throws(JSONReadError) in try Self.numericText(&reader) }
                } else if key == "order_number" {
                    orderNumber = try JSONReadError.within("order_number", &reader) { reader throws(JSONReadError) in
                        try reader.readNull() ? nil : try Self.numericText(&reader)
                    }
                } else if key == "created_at" {
                    createdAt = try JSONReadError.within("created_at", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else if key == "updated_at" {
                    updatedAt = try JSONReadError.within("updated_at", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else if key == "price" {
                    price = try JSONReadError.within("price", &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                } else if key == "payment_method" {
                    paymentMethod = try JSONReadError.within("payment_method", &reader) { reader throws(JSONReadError) in
                        try reader.readOptionalString()
                    }
                } else if key == "statuses" {
                    let start = reader.position
                    try JSONReadError.within("statuses", &reader) { reader throws(JSONReadError) in
                        if try !reader.readNull() { try reader.readArray { reader, _ throws(JSONReadError) in _ = try reader.readString() } }
                    }
                    statuses = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<reader.position]), as: UTF8.self)
                } else {
                    return .skip
                }
                return .read
            }
            try reader.expectEnd()
        } catch {
            return reject(error.description, payload: Self.orderRedactor.rejectPayload(buffer, range, hasher: hasher))
        }
        let rawJSON = String(decoding: redacted, as: UTF8.self)
        guard let orderID, !orderID.isEmpty, orderID.allSatisfy(\.isNumber) else { return reject("order_id: missing or not a number", payload: rawJSON) }
        guard let createdAt else { return reject("created_at: is required", payload: rawJSON) }
        guard let updatedAt else { return reject("updated_at: is required", payload: rawJSON) }
        guard let created = LazadaTimestamp.parse(createdAt) else {
            return reject("created_at: '\(createdAt)' is not a Lazada timestamp", payload: rawJSON)
        }
        guard let updated = LazadaTimestamp.parse(updatedAt) else {
            return reject("updated_at: '\(updatedAt)' is not a Lazada timestamp", payload: rawJSON)
        }
        let plainPrice = price.map { $0.replacingOccurrences(of: ",", with: "") }
        if let plainPrice, FixedDecimal(plainPrice) == nil { return reject("price: '\(plainPrice)' is not a number", payload: rawJSON) }
        guard !items.isEmpty else { return reject("order_items: /orders/items/get returned no items for this order", payload: rawJSON) }
        var itemTexts: [String] = []
        var currency: String?
        for (index, itemRange) in items.enumerated() {
            var paidPrice: String?, status: String?, itemCurrency: String?
            var itemText: [UInt8] = []
            var itemReader = JSONReader(itemBuffer, range: itemRange)
            do {
                try Self.itemRedactor.redactObject(&itemReader, hasher: hasher, into: &itemText) { reader, key throws(JSONReadError) in
                    if key == "paid_price" {
                        paidPrice = try JSONReadError.within("paid_price", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    } else if key == "item_price" {
                        // Checked here, read again by staging.
                        _ = try JSONReadError.within("item_price", &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                    } else if key == "status" {
                        status = try JSONReadError.within("status", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    } else if key == "currency" {
                        itemCurrency = try JSONReadError.within("currency", &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                    } else {
                        return .skip
                    }
                    return .read
                }
                try itemReader.expectEnd()
            } catch {
                return reject("order_items[\(index)].\(error)", payload: rawJSON)
            }
            guard let paidPrice else { return reject("order_items[\(index)].paid_price: is required", payload: rawJSON) }
            guard FixedDecimal(paidPrice) != nil else {
                return reject("order_items[\(index)].paid_price: '\(paidPrice)' is not a number", payload: rawJSON)
            }
            guard let status else { return reject("order_items[\(index)].status: is required", payload: rawJSON) }
            guard !status.isEmpty else { return reject("order_items[\(index)].status: is empty", payload: rawJSON) }
            itemTexts.append(String(decoding: itemText, as: UTF8.self))
            currency = currency ?? itemCurrency
        }
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        var row = LazadaRawTables.orders.row()
        row["order_id"] = .text(orderID)
        row["order_number"] = SQLValue(orderNumber)
        row["seller_id"] = .text(sellerID)
        row["customer_name"] = name.isEmpty ? .null : .text(hasher.hash(name, kind: .text))
        row["statuses"] = .text(statuses ?? "[]")
        row["payment_method"] = SQLValue(paymentMethod)
        row["price"] = SQLValue(plainPrice)
        // Lazada Thailand sells in baht; an item states its currency when the order does not.
        row["currency"] = .text(currency ?? "THB")
        row["created_at"] = .text(createdAt)
        row["updated_at"] = .text(updatedAt)
        row["create_time"] = .integer(created)
        row["update_time"] = .integer(updated)
        row["items"] = .text("[" + itemTexts.joined(separator: ",") + "]")
        row["raw_json"] = .text(rawJSON)
        return .row(row)
    }

    /// An id Lazada may send as a number or as a string of digits, as text; a fraction is refused.
    private static func numericText(_ reader: inout JSONReader) throws(JSONReadError) -> String {
        if reader.peek() == UInt8(ascii: "\"") {
            let text = try reader.readString()
            // Ids run past what an amount holds, so they are checked as digits, not read as amounts.
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) || Decimal(exactly: text) != nil else {
                throw .invalid("'\(text)' is not a number")
            }
            return text
        }
        return try reader.readNumberText()
    }

    /// The `order_id` of a record too broken to read, so its reject still names the order.
    private static func orderID(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        guard let root = try? scanner.root() else { return nil }
        return (try? scanner.members(of: root))?.first { $0.key == "order_id" }.map { scanner.string($0.value) ?? scanner.text($0.value) }
    }
}
