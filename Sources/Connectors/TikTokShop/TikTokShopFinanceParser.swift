import OmnidashCore
import Warehouse

/// Turns the records of TikTok Shop's finance calls into raw rows, or rejects with a one-line reason naming the field:
/// a statement of `/finance/202309/statements` into `raw_tiktok_statements`, a transaction of a statement's
/// `statement_transactions` into `raw_tiktok_statement_transactions`. Finance records carry no buyer PII, so they are
/// kept as received.
///
/// Amounts are signed decimal strings (`"-12.30"`, deductions negative) and stay the exact text TikTok sent, each
/// checked to be an amount Omnidash holds exactly. An `ORDER` transaction must name its order, currency, settlement
/// and item subtotal, so staging can trust what it reads; a fee field TikTok leaves out (several are per region)
/// reads as zero there.
struct TikTokShopFinanceParser: Sendable {
    let shopID: String

    /// The statement's amounts; each field fills the column of its name.
    static let statementAmounts: Set<String> = ["revenue_amount", "fee_amount", "adjustment_amount", "settlement_amount"]
    /// The transaction's amounts kept in columns (the rest stay in `raw_json`).
    static let transactionAmounts: Set<String> = [
        "revenue_amount", "settlement_amount", "fee_amount", "adjustment_amount", "after_seller_discounts_subtotal_amount",
        "customer_shipping_fee_amount", "shipping_fee_amount", "shipping_fee_subsidy_amount", "platform_commission_amount",
        "transaction_fee_amount", "sfp_service_fee_amount", "affiliate_commission_amount", "affiliate_partner_commission_amount",
        "affiliate_ads_commission_amount",
    ]

    /// What one record holds of the fields asked for, by name.
    private struct Fields {
        var strings: [String: String] = [:]
        var times: [String: Int64] = [:]
        var amounts: [String: String] = [:]
    }

    func statement(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { statement($0, range) }
    }

    func statement(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        func reject(_ reason: String, key: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.tiktokShop.rawValue, stream: "statements", accountID: shopID,
                              recordKey: key ?? Self.id(in: buffer, range), reason: reason, payload: raw))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, key: nil) }
        let fields: Fields
        do {
            fields = try Self.read(buffer, range, strings: ["id", "currency", "payment_status", "payment_id"], times: ["statement_time"],
                                   amounts: Self.statementAmounts)
        } catch {
            return reject(error.description, key: nil)
        }
        let id = fields.strings["id"]
        guard let id, !id.isEmpty else { return reject("id: is required", key: nil) }
        // The id goes into the transactions' path: only letters, digits, '_' and '-' need no escaping there.
        guard id.utf8.allSatisfy(Self.isPathSafe) else { return reject("id: '\(id)' is not an id that can go into a path", key: id) }
        guard let time = fields.times["statement_time"] else { return reject("statement_time: is required", key: id) }
        var row = TikTokShopRawTables.statements.row()
        row["shop_id"] = .text(shopID)
        row["statement_id"] = .text(id)
        row["statement_time"] = .integer(time)
        row["currency"] = SQLValue(fields.strings["currency"])
        row["payment_status"] = SQLValue(fields.strings["payment_status"])
        row["payment_id"] = SQLValue(fields.strings["payment_id"])
        for name in Self.statementAmounts { row[name] = SQLValue(fields.amounts[name]) }
        row["raw_json"] = .text(raw)
        return .row(row)
    }

    /// One transaction of the statement `statementID`, whose time it is stored with.
    func transaction(_ scanner: JSONScanner, _ range: Range<Int>, statementID: String, statementTime: Int64) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { transaction($0, range, statementID: statementID, statementTime: statementTime) }
    }

    func transaction(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, statementID: String, statementTime: Int64) -> ParsedRecord {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        func reject(_ reason: String, key: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.tiktokShop.rawValue, stream: "statement_transactions", accountID: shopID,
                              recordKey: key ?? Self.id(in: buffer, range), reason: reason, payload: raw))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, key: nil) }
        let fields: Fields
        do {
            fields = try Self.read(buffer, range, strings: ["id", "type", "order_id", "currency"], times: ["order_create_time"],
                                   amounts: Self.transactionAmounts)
        } catch {
            return reject(error.description, key: nil)
        }
        let id = fields.strings["id"]
        guard let id, !id.isEmpty else { return reject("id: is required", key: nil) }
        let type = fields.strings["type"]
        let orderID = fields.strings["order_id"].flatMap { $0.isEmpty ? nil : $0 }
        let currency = fields.strings["currency"]
        if type == TikTokShopRawTables.orderTransactionType {
            guard orderID != nil else { return reject("order_id: is required for an ORDER transaction", key: id) }
            guard let currency, currency.utf8.count == 3 else { return reject("currency: missing or not a 3-letter code", key: id) }
            for name in ["settlement_amount", "after_seller_discounts_subtotal_amount"] where fields.amounts[name] == nil {
                return reject("\(name): is required for an ORDER transaction", key: id)
            }
        }
        var row = TikTokShopRawTables.statementTransactions.row()
        row["shop_id"] = .text(shopID)
        row["transaction_id"] = .text(id)
        row["statement_id"] = .text(statementID)
        row["statement_time"] = .integer(statementTime)
        row["type"] = SQLValue(type)
        row["order_id"] = SQLValue(orderID)
        row["order_create_time"] = SQLValue(fields.times["order_create_time"])
        row["currency"] = SQLValue(currency)
        for name in Self.transactionAmounts { row[name] = SQLValue(fields.amounts[name]) }
        row["raw_json"] = .text(raw)
        return .row(row)
    }

    /// Reads one record in a pass: the named strings (or `null`), Unix-second times and amounts; everything else is
    /// skipped, but checked.
    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, strings: Set<String>, times: Set<String>,
                             amounts: Set<String>) throws(JSONReadError) -> Fields {
        var fields = Fields()
        var reader = JSONReader(buffer, range: range)
        try reader.readObject { reader, key throws(JSONReadError) in
            let name = key.name
            if strings.contains(name) {
                fields.strings[name] = try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
            } else if times.contains(name) {
                fields.times[name] = try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in
                    try reader.readNull() ? nil : reader.readInt64()
                }
            } else if amounts.contains(name) {
                fields.amounts[name] = try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try amountText(&reader) }
            } else {
                try reader.skipValue()
            }
        }
        try reader.expectEnd()
        return fields
    }

    /// A signed amount as decimal text (`"-12.30"`), or `nil` for `null` or an empty string (a field with nothing to say).
    private static func amountText(_ reader: inout JSONReader) throws(JSONReadError) -> String? {
        let start = reader.position
        guard let text = try reader.readOptionalString(), !text.isEmpty else { return nil }
        guard FixedDecimal(text) != nil else {
            throw .wrongType(expected: "an amount as decimal text with at most 6 places", found: "'\(text)'", at: start)
        }
        return text
    }

    private static func isPathSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// The `id` of a record too broken to read in one pass, so its reject still names it.
    private static func id(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let scanner = JSONScanner(Array(buffer[range]))
        guard let root = try? scanner.root() else { return nil }
        return (try? scanner.members(of: root))?.first { $0.key == "id" }.flatMap { scanner.string($0.value) }
    }
}
