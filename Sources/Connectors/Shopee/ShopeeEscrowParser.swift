import OmnidashCore
import Warehouse

/// Reads Shopee's escrow answers into `raw_shopee_escrows` rows: an `escrow_list` entry gives the order, its release
/// time and payout; its `get_escrow_detail_batch` entry gives the accounting detail. A malformed entry becomes a
/// reject naming the field, and the rest of the page loads.
///
/// Amounts are kept as the JSON numbers' own text, checked to be exact amounts (`FixedDecimal`) but never rewritten
/// or read through `Double`. `raw_json` is the `escrow_detail` with the buyer's user name hashed, as in the orders.
public struct ShopeeEscrowParser: Sendable {
    /// What `get_escrow_list` says of one order.
    public struct Listing: Sendable, Hashable {
        public var orderSN: String
        /// Unix seconds.
        public var releaseTime: Int64
        public var payoutAmount: String
    }

    /// What one `escrow_list` entry became.
    public enum ListEntry: Sendable {
        case listed(Listing)
        case rejected(RawReject)
    }

    /// The only buyer PII in an escrow detail.
    static let redactor = JSONRedactor([["buyer_user_name"]: .identifier])

    /// The `order_income` amounts the fee mapping cannot do without: a detail lacking one is rejected.
    static let requiredAmounts: Set<String> = [
        "escrow_amount", "order_selling_price", "commission_fee", "service_fee", "seller_transaction_fee",
        "final_shipping_fee", "buyer_paid_shipping_fee",
    ]
    /// The other `order_income` amounts kept as columns; absent (or `null`) they are stored as null and staged as 0,
    /// since a Thai local shop has none of most of them.
    static let optionalAmounts: Set<String> = [
        "buyer_total_amount", "voucher_from_seller", "voucher_from_shopee", "order_ams_commission_fee",
        "seller_coin_cash_back", "escrow_tax", "drc_adjustable_refund", "cross_border_tax",
    ]

    public let hasher: PIIHasher

    public init(hasher: PIIHasher) {
        self.hasher = hasher
    }

    /// One `escrow_list` entry, or a reject naming the field (`escrow_list[3].escrow_release_time: …`).
    public func listing(_ scanner: JSONScanner, _ range: Range<Int>, index: Int, shopID: String) -> ListEntry {
        scanner.bytes.withUnsafeBufferPointer { buffer in
            var orderSN: String?, releaseTime: Int64?, payout: String?
            var reader = JSONReader(buffer, range: range)
            do throws(JSONReadError) {
                try JSONReadError.within("escrow_list[\(index)]", &reader) { reader throws(JSONReadError) in
                    try reader.readObject { reader, key throws(JSONReadError) in
                        if key == "order_sn" {
                            orderSN = try JSONReadError.within("escrow_list[\(index)].order_sn", &reader) { reader throws(JSONReadError) in
                                try reader.readString()
                            }
                        } else if key == "escrow_release_time" {
                            releaseTime = try JSONReadError.within("escrow_list[\(index)].escrow_release_time", &reader) {
                                reader throws(JSONReadError) in try reader.readInt64()
                            }
                        } else if key == "payout_amount" {
                            payout = try JSONReadError.within("escrow_list[\(index)].payout_amount", &reader) {
                                reader throws(JSONReadError) in try Self.amountText(&reader)
                            }
                        } else {
                            try reader.skipValue()
                        }
                    }
                }
                guard let orderSN, !orderSN.isEmpty else { throw JSONReadError.invalid("escrow_list[\(index)].order_sn: is required") }
                guard let releaseTime else { throw JSONReadError.invalid("escrow_list[\(index)].escrow_release_time: is required") }
                guard let payout else { throw JSONReadError.invalid("escrow_list[\(index)].payout_amount: is required") }
                return .listed(Listing(orderSN: orderSN, releaseTime: releaseTime, payoutAmount: payout))
            } catch {
                return .rejected(RawReject(source: Platform.shopee.rawValue, stream: "escrows", accountID: shopID, recordKey: orderSN,
                                          reason: error.description, payload: scanner.text(range)))
            }
        }
    }

    /// One `get_escrow_detail_batch` entry (`{"escrow_detail":{…}}`) with its order's listing, or a reject.
    /// - Parameter listings: The page's listed orders by `order_sn`; a detail of an order not among them is rejected.
    public func parse(_ scanner: JSONScanner, _ range: Range<Int>, listings: [String: Listing], shopID: String) -> ParsedRecord {
        guard let members = try? scanner.members(of: range) else {
            return .reject(reject(nil, "escrow_detail: the entry is not an object", payload: nil, shopID: shopID))
        }
        guard let detail = members.first(where: { $0.key == "escrow_detail" })?.value else {
            return .reject(reject(nil, "escrow_detail: is required", payload: nil, shopID: shopID))
        }
        return scanner.bytes.withUnsafeBufferPointer { parseDetail($0, detail, listings: listings, shopID: shopID) }
    }

    private func parseDetail(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, listings: [String: Listing],
                             shopID: String) -> ParsedRecord {
        var orderSN: String?
        var amounts: [String: String] = [:]
        var sawIncome = false
        var itemsRange: Range<Int>?
        var redacted: [UInt8] = []
        redacted.reserveCapacity(range.count + 128)
        if let problem = JSONRedactor.sizeProblem(range.count) {
            return .reject(reject(Self.orderSN(in: buffer, range), problem, payload: nil, shopID: shopID))
        }
        var reader = JSONReader(buffer, range: range)
        do {
            try JSONReadError.within("escrow_detail", &reader) { reader throws(JSONReadError) in
                try Self.redactor.redactObject(&reader, hasher: hasher, into: &redacted) { reader, key throws(JSONReadError) in
                    if key == "order_sn" {
                        orderSN = try JSONReadError.within("order_sn", &reader) { reader throws(JSONReadError) in try reader.readString() }
                    } else if key == "order_income" {
                        sawIncome = true
                        try JSONReadError.within("order_income", &reader) { reader throws(JSONReadError) in
                            try reader.readObject { reader, key throws(JSONReadError) in
                                let name = key.name
                                if Self.requiredAmounts.contains(name) || Self.optionalAmounts.contains(name) {
                                    amounts[name] = try JSONReadError.within("order_income.\(name)", &reader) { reader throws(JSONReadError) in
                                        try Self.amountText(&reader)
                                    }
                                } else if name == "items" {
                                    let start = reader.position
                                    try JSONReadError.within("order_income.items", &reader) { reader throws(JSONReadError) in
                                        try reader.readArray { reader, _ throws(JSONReadError) in try reader.skipValue() }
                                    }
                                    itemsRange = start..<reader.position
                                } else {
                                    try reader.skipValue()
                                }
                            }
                        }
                    } else {
                        return .skip
                    }
                    return .read
                }
            }
            try reader.expectEnd()
        } catch {
            return .reject(reject(orderSN ?? Self.orderSN(in: buffer, range), error.description,
                                  payload: Self.redactor.rejectPayload(buffer, range, hasher: hasher), shopID: shopID))
        }
        let rawJSON = String(decoding: redacted, as: UTF8.self)
        guard let orderSN, !orderSN.isEmpty else { return .reject(reject(nil, "order_sn: is required", payload: rawJSON, shopID: shopID)) }
        guard sawIncome else { return .reject(reject(orderSN, "order_income: is required", payload: rawJSON, shopID: shopID)) }
        if let missing = Self.requiredAmounts.sorted().first(where: { amounts[$0] == nil }) {
            return .reject(reject(orderSN, "order_income.\(missing): is required", payload: rawJSON, shopID: shopID))
        }
        guard let listing = listings[orderSN] else {
            return .reject(reject(orderSN, "order_sn: \(orderSN) is not in the escrow list's page", payload: rawJSON, shopID: shopID))
        }
        var row = ShopeeRawTables.escrows.row()
        row["shop_id"] = .text(shopID)
        row["order_sn"] = .text(orderSN)
        row["escrow_release_time"] = .integer(listing.releaseTime)
        row["payout_amount"] = .text(listing.payoutAmount)
        for name in Self.requiredAmounts.union(Self.optionalAmounts) { row[name] = SQLValue(amounts[name]) }
        row["items"] = SQLValue(itemsRange.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) })
        row["raw_json"] = .text(rawJSON)
        return .row(row)
    }

    /// An amount's JSON number text as received, `nil` for `null`; refused unless it is an exact amount.
    private static func amountText(_ reader: inout JSONReader) throws(JSONReadError) -> String? {
        if try reader.readNull() { return nil }
        let start = reader.position
        let text = try reader.readNumberText()
        guard FixedDecimal(text) != nil else {
            throw .wrongType(expected: "an amount with at most 6 decimal places", found: text, at: start)
        }
        return text
    }

    private func reject(_ orderSN: String?, _ reason: String, payload: String?, shopID: String) -> RawReject {
        RawReject(source: Platform.shopee.rawValue, stream: "escrows", accountID: shopID, recordKey: orderSN, reason: reason,
                  payload: payload)
    }

    /// The detail's `order_sn` when a malformed detail still has one, so its reject names the order.
    private static func orderSN(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        guard let root = try? scanner.root() else { return nil }
        return (try? scanner.members(of: root))?.first { $0.key == "order_sn" }.flatMap { scanner.string($0.value) }
    }
}
