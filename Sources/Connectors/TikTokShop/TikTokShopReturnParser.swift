import OmnidashCore
import Warehouse

/// Turns one return of `/return_refund/202309/returns/search` into a `raw_tiktok_returns` row, or a reject with a
/// one-line reason. A return holds no buyer PII beyond the ids it shares with its order, so it is kept as received.
struct TikTokShopReturnParser: Sendable {
    let shopID: String

    private struct Fields {
        var returnID: String?, orderID: String?, type: String?, status: String?, createTime: Int64?, updateTime: Int64?
        var refundTotal: String?, currency: String?
        var lineItemIDs: [String] = []
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        var fields = Fields()
        func reject(_ reason: String) -> ParsedRecord {
            .reject(RawReject(source: Platform.tiktokShop.rawValue, stream: "returns", accountID: shopID, recordKey: fields.returnID,
                              reason: reason, payload: raw))
        }
        var reader = JSONReader(buffer, range: range)
        do {
            try reader.readObject { reader, key throws(JSONReadError) in
                func string(_ name: String) throws(JSONReadError) -> String? {
                    try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
                }
                func time(_ name: String) throws(JSONReadError) -> Int64 {
                    try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try reader.readInt64() }
                }
                if key == "return_id" { fields.returnID = try string("return_id") }
                else if key == "order_id" { fields.orderID = try string("order_id") }
                else if key == "return_type" { fields.type = try string("return_type") }
                else if key == "return_status" { fields.status = try string("return_status") }
                else if key == "create_time" { fields.createTime = try time("create_time") }
                else if key == "update_time" { fields.updateTime = try time("update_time") }
                else if key == "refund_amount" { try Self.readRefund(&reader, name: "refund_amount", into: &fields) }
                else if key == "return_line_items" { fields.lineItemIDs = try Self.readLineItemIDs(&reader) }
                else { try reader.skipValue() }
            }
            try reader.expectEnd()
        } catch {
            return reject(error.description)
        }
        guard let returnID = fields.returnID, !returnID.isEmpty else { return reject("return_id: is required") }
        guard let orderID = fields.orderID, !orderID.isEmpty else { return reject("order_id: is required") }
        guard let status = fields.status, !status.isEmpty else { return reject("return_status: is required") }
        guard let createTime = fields.createTime else { return reject("create_time: is required") }
        guard let updateTime = fields.updateTime else { return reject("update_time: is required") }
        var row = TikTokShopRawTables.returns.row()
        row["return_id"] = .text(returnID)
        row["shop_id"] = .text(shopID)
        row["order_id"] = .text(orderID)
        row["return_type"] = SQLValue(fields.type)
        row["return_status"] = .text(status)
        row["refund_total"] = SQLValue(fields.refundTotal)
        row["currency"] = SQLValue(fields.currency)
        row["line_item_ids"] = .text("[" + fields.lineItemIDs.map { "\"\($0)\"" }.joined(separator: ",") + "]")
        row["create_time"] = .integer(createTime)
        row["update_time"] = .integer(updateTime)
        row["raw_json"] = .text(raw)
        return .row(row)
    }

    private static func readRefund(_ reader: inout JSONReader, name: String, into fields: inout Fields) throws(JSONReadError) {
        try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in
            if try reader.readNull() { return }
            try reader.readObject { reader, key throws(JSONReadError) in
                if key == "refund_total" {
                    fields.refundTotal = try JSONReadError.within("\(name).refund_total", &reader) { reader throws(JSONReadError) in
                        try TikTokShopOrderParser.amountText(&reader)
                    }
                } else if key == "currency" {
                    fields.currency = try JSONReadError.within("\(name).currency", &reader) { reader throws(JSONReadError) in try reader.readString() }
                } else {
                    try reader.skipValue()
                }
            }
        }
    }

    /// The `order_line_item_id` of each returned line; ids are digits only, so they need no escaping when written back.
    private static func readLineItemIDs(_ reader: inout JSONReader) throws(JSONReadError) -> [String] {
        var ids: [String] = []
        try JSONReadError.within("return_line_items", &reader) { reader throws(JSONReadError) in
            if try reader.readNull() { return }
            try reader.readArray { reader, index throws(JSONReadError) in
                try reader.readObject { reader, key throws(JSONReadError) in
                    if key == "order_line_item_id" {
                        let id = try JSONReadError.within("return_line_items[\(index)].order_line_item_id", &reader) { reader throws(JSONReadError) in
                            try reader.readString()
                        }
                        guard !id.isEmpty, id.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                            throw .invalid("return_line_items[\(index)].order_line_item_id: '\(id)' is not an id of digits")
                        }
                        ids.append(id)
                    } else {
                        try reader.skipValue()
                    }
                }
            }
        }
        return ids
    }
}
