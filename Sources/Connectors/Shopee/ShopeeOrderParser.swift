import Foundation
import OmnidashCore
import Warehouse

/// Turns one `get_order_detail` order object into a `raw_shopee_orders` row, or a reject with a one-line
/// reason: the one parsing seam shared by the connector and by `omnidash import shopee-orders`.
///
/// The record is decoded from its own bytes, so a malformed order is rejected alone and the rest of its page
/// loads. `raw_json` keeps the record as received with buyer PII replaced by keyed hashes.
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
    private let decoder = JSONDecoder()

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    /// - Parameters:
    ///   - scanner: The page (or file line) holding the record.
    ///   - range: The record's object.
    ///   - shopID: The shop the record belongs to (order objects do not carry it).
    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, shopID: String) -> ParsedRecord {
        let orderSN = (try? scanner.members(of: range))?.first(where: { $0.key == "order_sn" }).flatMap { scanner.string($0.value) }
        func reject(_ reason: String, payload: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.shopee.rawValue, stream: "orders", accountID: shopID, recordKey: orderSN, reason: reason,
                              payload: payload))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        let redacted: [UInt8]
        do {
            redacted = try Self.redactor.redact(scanner, range, hasher: hasher)
        } catch {
            // Without structure we cannot remove PII reliably, so the payload is not kept.
            return reject("not a JSON object: \(error)", payload: nil)
        }
        let rawJSON = String(decoding: redacted, as: UTF8.self)
        let order: ShopeeOrder
        do {
            order = try decoder.decode(ShopeeOrder.self, from: Data(scanner.bytes[range]))
        } catch let error as DecodingError {
            return reject(error.oneLine, payload: rawJSON)
        } catch {
            return reject("\(error)", payload: rawJSON)
        }
        if let problem = order.validationProblem() { return reject(problem, payload: rawJSON) }
        let itemsJSON = (try? scanner.members(of: range))?.first(where: { $0.key == "item_list" })
            .map { scanner.text($0.value) } ?? "[]"
        var row = ShopeeRawTables.orders.row()
        row["order_id"] = .text(order.orderSN)
        row["order_sn"] = .text(order.orderSN)
        row["shop_id"] = .text(shopID)
        row["buyer_username"] = SQLValue(order.buyerUsername.map { hasher.hash($0, kind: .identifier) })
        row["order_status"] = .text(order.orderStatus)
        row["payment_method"] = SQLValue(order.paymentMethod)
        row["total_amount"] = SQLValue(order.totalAmount.map { "\($0)" })
        row["currency"] = .text(order.currency)
        row["create_time"] = .integer(order.createTime)
        row["update_time"] = .integer(order.updateTime)
        row["items"] = .text(itemsJSON)
        row["raw_json"] = .text(rawJSON)
        return .row(row)
    }
}
