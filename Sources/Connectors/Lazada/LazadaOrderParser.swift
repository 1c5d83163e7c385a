import Foundation
import OmnidashCore
import Warehouse

/// Turns one `/orders/get` order object and its items from `/orders/items/get` into a `raw_lazada_orders` row, or a
/// reject with a one-line reason.
///
/// The order and each item are decoded from their own bytes, so a malformed order is rejected alone and the rest of
/// the page loads. `raw_json` and `items` keep the records as received with buyer PII replaced by keyed hashes.
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

    struct Order: Decodable {
        let orderNumber: NumericText?
        let createdAt: String
        let updatedAt: String
        let price: String?
        let paymentMethod: String?
        let statuses: [String]?
        enum CodingKeys: String, CodingKey {
            case orderNumber = "order_number", createdAt = "created_at", updatedAt = "updated_at", price, paymentMethod = "payment_method",
                 statuses
        }
    }

    struct Item: Decodable {
        let paidPrice: String
        let itemPrice: String?
        let status: String
        let currency: String?
        enum CodingKeys: String, CodingKey {
            case paidPrice = "paid_price", itemPrice = "item_price", status, currency
        }
    }

    public let hasher: PIIHasher
    private let decoder = JSONDecoder()

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    /// - Parameters:
    ///   - items: The order's item objects, each a range in `itemScanner`.
    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, items: [Range<Int>], itemScanner: JSONScanner,
                      sellerID: String) -> ParsedRecord {
        let members = (try? scanner.members(of: range)) ?? []
        let orderID = members.first { $0.key == "order_id" }.map { scanner.string($0.value) ?? scanner.text($0.value) }
        func reject(_ reason: String, payload: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.lazada.rawValue, stream: "orders", accountID: sellerID, recordKey: orderID, reason: reason,
                              payload: payload))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        let redacted: [UInt8]
        do {
            redacted = try Self.orderRedactor.redact(scanner, range, hasher: hasher)
        } catch {
            // Without structure we cannot remove PII reliably, so the payload is not kept.
            return reject("not a JSON object: \(error)", payload: nil)
        }
        let rawJSON = String(decoding: redacted, as: UTF8.self)
        guard let orderID, !orderID.isEmpty, orderID.allSatisfy(\.isNumber) else { return reject("order_id: missing or not a number", payload: rawJSON) }
        let order: Order
        do {
            order = try decoder.decode(Order.self, from: Data(scanner.bytes[range]))
        } catch let error as DecodingError {
            return reject(error.oneLine, payload: rawJSON)
        } catch {
            return reject("\(error)", payload: rawJSON)
        }
        guard let created = LazadaTimestamp.parse(order.createdAt) else {
            return reject("created_at: '\(order.createdAt)' is not a Lazada timestamp", payload: rawJSON)
        }
        guard let updated = LazadaTimestamp.parse(order.updatedAt) else {
            return reject("updated_at: '\(order.updatedAt)' is not a Lazada timestamp", payload: rawJSON)
        }
        let price = order.price.map { $0.replacingOccurrences(of: ",", with: "") }
        if let price, Decimal(exactly: price) == nil { return reject("price: '\(price)' is not a number", payload: rawJSON) }
        guard !items.isEmpty else { return reject("order_items: /orders/items/get returned no items for this order", payload: rawJSON) }
        var itemTexts: [String] = []
        var currency: String?
        for (index, itemRange) in items.enumerated() {
            let item: Item
            do {
                item = try decoder.decode(Item.self, from: Data(itemScanner.bytes[itemRange]))
                itemTexts.append(String(decoding: try Self.itemRedactor.redact(itemScanner, itemRange, hasher: hasher), as: UTF8.self))
            } catch let error as DecodingError {
                return reject("order_items[\(index)].\(error.oneLine)", payload: rawJSON)
            } catch {
                return reject("order_items[\(index)]: \(error)", payload: rawJSON)
            }
            guard Decimal(exactly: item.paidPrice) != nil else {
                return reject("order_items[\(index)].paid_price: '\(item.paidPrice)' is not a number", payload: rawJSON)
            }
            guard !item.status.isEmpty else { return reject("order_items[\(index)].status: is empty", payload: rawJSON) }
            currency = currency ?? item.currency
        }
        let name = [members.first { $0.key == "customer_first_name" }, members.first { $0.key == "customer_last_name" }]
            .compactMap { $0.flatMap { scanner.string($0.value) } }.joined(separator: " ")
        var row = LazadaRawTables.orders.row()
        row["order_id"] = .text(orderID)
        row["order_number"] = SQLValue(order.orderNumber?.text)
        row["seller_id"] = .text(sellerID)
        row["customer_name"] = name.isEmpty ? .null : .text(hasher.hash(name, kind: .text))
        row["statuses"] = .text(members.first { $0.key == "statuses" }.map { scanner.text($0.value) } ?? "[]")
        row["payment_method"] = SQLValue(order.paymentMethod)
        row["price"] = SQLValue(price)
        // Lazada Thailand sells in baht; an item states its currency when the order does not.
        row["currency"] = .text(currency ?? "THB")
        row["created_at"] = .text(order.createdAt)
        row["updated_at"] = .text(order.updatedAt)
        row["create_time"] = .integer(created)
        row["update_time"] = .integer(updated)
        row["items"] = .text("[" + itemTexts.joined(separator: ",") + "]")
        row["raw_json"] = .text(rawJSON)
        return .row(row)
    }
}
