import Foundation
import OmnidashCore
import Warehouse

/// Turns one line of `/finance/transaction/details/get` into a `raw_lazada_transactions` row, or a reject with a
/// one-line reason that names the field.
///
/// The line is read in one pass (`JSONReader`). Amounts stay the exact text Lazada sent (`"-0.62"`), checked to be
/// numbers; ids may come as numbers or strings. A line carries no buyer data, so `raw_json` is the line as received.
public struct LazadaTransactionParser: Sendable {
    public let sellerID: String

    public init(sellerID: String) {
        self.sellerID = sellerID
    }

    /// The fields Omnidash reads from one line.
    private struct Fields {
        var transactionNumber: String?, orderNumber: String?, orderItemNumber: String?, orderItemStatus: String?
        var transactionDate: String?, transactionType: String?, feeType: String?, feeName: String?
        var amount: String?, vatInAmount: String?, statement: String?, paidStatus: String?, sellerSKU: String?, lazadaSKU: String?
    }

    public func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> ParsedRecord {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ParsedRecord {
        var fields = Fields()
        func reject(_ reason: String, payload: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.lazada.rawValue, stream: "transactions", accountID: sellerID,
                              recordKey: fields.transactionNumber, reason: reason, payload: payload))
        }
        if let problem = JSONRedactor.sizeProblem(range.count) { return reject(problem, payload: nil) }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        do {
            try Self.read(buffer, range, into: &fields)
        } catch {
            return reject(error.description, payload: raw)
        }
        guard let number = fields.transactionNumber, !number.isEmpty else { return reject("transaction_number: is required", payload: raw) }
        guard let date = fields.transactionDate else { return reject("transaction_date: is required", payload: raw) }
        guard let day = Self.day(date) else { return reject("transaction_date: '\(date)' is not a date like '17 May 2016'", payload: raw) }
        guard let amount = fields.amount else { return reject("amount: is required", payload: raw) }
        guard Self.amount(amount) != nil else { return reject("amount: '\(amount)' is not a number", payload: raw) }
        if let vat = fields.vatInAmount, !vat.isEmpty, Self.amount(vat) == nil {
            return reject("VAT_in_amount: '\(vat)' is not a number", payload: raw)
        }
        var row = LazadaRawTables.transactions.row()
        row["seller_id"] = .text(sellerID)
        row["transaction_number"] = .text(number)
        row["order_no"] = SQLValue(fields.orderNumber.flatMap { $0.isEmpty ? nil : $0 })
        row["order_item_no"] = SQLValue(fields.orderItemNumber.flatMap { $0.isEmpty ? nil : $0 })
        row["order_item_status"] = SQLValue(fields.orderItemStatus)
        row["transaction_date"] = .text(date)
        row["transaction_day"] = .text(day.description)
        row["transaction_type"] = SQLValue(fields.transactionType)
        row["fee_type"] = SQLValue(fields.feeType)
        row["fee_name"] = SQLValue(fields.feeName)
        row["amount"] = .text(amount)
        row["vat_in_amount"] = SQLValue(fields.vatInAmount)
        row["statement"] = SQLValue(fields.statement)
        row["paid_status"] = SQLValue(fields.paidStatus)
        row["seller_sku"] = SQLValue(fields.sellerSKU)
        row["lazada_sku"] = SQLValue(fields.lazadaSKU)
        row["raw_json"] = .text(raw)
        return .row(row)
    }

    private static func read(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into fields: inout Fields) throws(JSONReadError) {
        var reader = JSONReader(buffer, range: range)
        try reader.readObject { reader, key throws(JSONReadError) in
            func string(_ name: String) throws(JSONReadError) -> String? {
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in try reader.readOptionalString() }
            }
            // An amount or an id, which may be written as a JSON number or as a string.
            func scalar(_ name: String) throws(JSONReadError) -> String? {
                try JSONReadError.within(name, &reader) { reader throws(JSONReadError) in
                    if try reader.readNull() { return nil }
                    if reader.peek() == UInt8(ascii: "\"") { return try reader.readString() }
                    return try reader.readNumberText()
                }
            }
            if key == "transaction_number" { fields.transactionNumber = try scalar("transaction_number") }
            else if key == "order_no" { fields.orderNumber = try scalar("order_no") }
            else if key == "orderItem_no" { fields.orderItemNumber = try scalar("orderItem_no") }
            else if key == "orderItem_status" { fields.orderItemStatus = try string("orderItem_status") }
            else if key == "transaction_date" { fields.transactionDate = try string("transaction_date") }
            else if key == "transaction_type" { fields.transactionType = try string("transaction_type") }
            else if key == "fee_type" { fields.feeType = try scalar("fee_type") }
            else if key == "fee_name" { fields.feeName = try string("fee_name") }
            else if key == "amount" { fields.amount = try scalar("amount") }
            else if key == "VAT_in_amount" { fields.vatInAmount = try scalar("VAT_in_amount") }
            else if key == "statement" { fields.statement = try string("statement") }
            else if key == "paid_status" { fields.paidStatus = try string("paid_status") }
            else if key == "seller_sku" { fields.sellerSKU = try string("seller_sku") }
            else if key == "lazada_sku" { fields.lazadaSKU = try string("lazada_sku") }
            else { try reader.skipValue() }
        }
        try reader.expectEnd()
    }

    /// An amount as Lazada writes it, thousands separators allowed (`"1,299.00"`, as its order prices are written);
    /// `nil` for anything that is not a number. Staging reads `amount` the same way.
    static func amount(_ text: String) -> FixedDecimal? {
        FixedDecimal(text.contains(",") ? text.replacingOccurrences(of: ",", with: "") : text)
    }

    /// `17 May 2016` (the doc's sample; `7 May 2016` for a single-digit day), or `2016-05-17`; `nil` for anything else.
    static func day(_ text: String) -> BusinessDate? {
        if let iso = BusinessDate(text) { return iso }
        let parts = text.split(separator: " ")
        guard parts.count == 3, (1...2).contains(parts[0].count), let day = Int(parts[0]), parts[2].count == 4, let year = Int(parts[2]),
              let month = months.firstIndex(of: parts[1].lowercased()) else { return nil }
        return BusinessDate(year: year, month: month + 1, day: day)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
