import Foundation
import OmnidashCore
import Warehouse

/// Exchange rates into the reporting currency by business date, loaded from `ref_fx_rates`.
///
/// A missing rate is an error that names the currency and the date: converting at a silent 1.0 would turn
/// US dollars into baht one for one.
public struct FXTable: Sendable {
    public let reportingCurrency: Currency
    private var rates: [String: [BusinessDate: Decimal]]

    public init(reportingCurrency: Currency, rates: [String: [BusinessDate: Decimal]] = [:]) {
        self.reportingCurrency = reportingCurrency
        self.rates = rates
    }

    public static func load(from warehouse: any Warehouse, reportingCurrency: Currency) async throws -> FXTable {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT date, currency, rate FROM ref_fx_rates WHERE quote_currency = :quote", ["quote": .text(reportingCurrency.code)]))
        var table = FXTable(reportingCurrency: reportingCurrency)
        for row in rows {
            guard let date = BusinessDate(row.text("date")), let rate = Decimal(exactly: row.text("rate")) else { continue }
            table.rates[row.text("currency"), default: [:]][date] = rate
        }
        return table
    }

    /// Units of the reporting currency per unit of `currency` on `date`.
    /// - Throws: `MissingRateError` when the rate for that day was never loaded.
    public func rate(_ currency: Currency, on date: BusinessDate) throws(MissingRateError) -> Decimal {
        if currency == reportingCurrency { return 1 }
        guard let rate = rates[currency.code]?[date] else {
            throw MissingRateError(currency: currency, reportingCurrency: reportingCurrency, date: date)
        }
        return rate
    }
}

public struct MissingRateError: UserFacingError, Equatable {
    public var currency: Currency
    public var reportingCurrency: Currency
    public var date: BusinessDate

    public var description: String {
        "no \(currency)→\(reportingCurrency) exchange rate for \(date) in ref_fx_rates; configure fx.url and run `omnidash sync --source fx`, then `omnidash transform` again"
    }
}
