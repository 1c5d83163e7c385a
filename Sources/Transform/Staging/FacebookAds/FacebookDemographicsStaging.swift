import Foundation
import OmnidashCore
import Warehouse

/// `raw_facebook_ads_demographics` → `stg_ads_demographics`: Meta's ad-day rows by age bucket and gender, in THB.
///
/// Converting each cell on its own and rounding it would let an ad-day's cells drift a few satang from the ad-day's
/// own THB figure in `stg_ads_performance`. So an ad-day's spend (and purchase value) is converted once, as the
/// performance staging converts it, and that THB amount is apportioned over its cells in proportion to their
/// account-currency amounts, by largest remainder: the cells add up to the ad-day exactly.
struct FacebookDemographicsStaging: StagingBuilder {
    var name: String { "stg_ads_demographics.facebook" }
    var rawTables: [RawTableContract] { [FacebookAdsRawTables.demographics] }
    var table: TableSchema { StagingTables.adsDemographics }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let touched = try await context.warehouse.query(SQLStatement(
            "SELECT DISTINCT _date AS d FROM raw_facebook_ads_demographics WHERE _loaded_at_us > :watermark",
            ["watermark": .integer(watermark)]))
        let dates = touched.compactMap { BusinessDate($0.text("d")) }.sorted()
        var outcome = StagingOutcome(touchedDates: Set(dates))
        for start in stride(from: 0, to: dates.count, by: 31) {
            let chunk = dates[start..<min(start + 31, dates.count)]
            let range = chunk.first!...chunk.last!
            let rows = try await rows(context, dates: range)
            try await context.warehouse.write([
                .execute(SQLStatement("DELETE FROM stg_ads_demographics WHERE platform = :platform AND date BETWEEN :first AND :last",
                                      ["platform": .text(Platform.facebookAds.rawValue), "first": .text(range.lowerBound.description),
                                       "last": .text(range.upperBound.description)])),
                .insert(RowSet(table, rows: rows)),
            ])
            outcome.rows += rows.count
        }
        return outcome
    }

    /// One raw cell, its money in the account currency's minor units.
    private struct Cell {
        let raw: WarehouseRow
        let currency: Currency
        let spend: Decimal
        let spendMinor: Int64
        let value: Decimal
        let valueMinor: Int64
    }

    private func rows(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [TableRow] {
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT _date, account_id, account_currency, campaign_id, adset_id, ad_id, age, gender, impressions, clicks, reach, spend,
                   conversions, conversion_value, _ingested_at
            FROM raw_facebook_ads_demographics
            WHERE _date BETWEEN :first AND :last
            ORDER BY account_id, ad_id, _date, age, gender
            """, ["first": .text(dates.lowerBound.description), "last": .text(dates.upperBound.description)]))
        var adDays: [[Cell]] = []
        var lastKey = ""
        for raw in raws {
            let key = "\(raw.text("account_id"))/\(raw.text("ad_id"))/\(raw.text("_date"))"
            guard let spend = Decimal(exactly: raw.text("spend")), let value = Decimal(exactly: raw.text("conversion_value")) else {
                throw StagingError(table: "raw_facebook_ads_demographics", key: "\(key)/\(raw.text("age"))/\(raw.text("gender"))",
                                   reason: "spend '\(raw.text("spend"))' or conversion_value '\(raw.text("conversion_value"))' is not a number")
            }
            let currency = Currency(raw.text("account_currency"))
            let cell = Cell(raw: raw, currency: currency, spend: spend, spendMinor: Money(spend, currency: currency).minorUnits,
                            value: value, valueMinor: Money(value, currency: currency).minorUnits)
            if key == lastKey { adDays[adDays.count - 1].append(cell) } else { adDays.append([cell]) }
            lastKey = key
        }
        var rows: [TableRow] = []
        for cells in adDays {
            guard let first = cells.first, let date = BusinessDate(first.raw.text("_date")) else { continue }
            let rate = try context.fx.rate(first.currency, on: date)
            let thb = { (amount: Decimal) in Money(amount, currency: first.currency).converted(to: context.currency, rate: rate).minorUnits }
            let spendTHB = Self.apportion(thb(cells.reduce(Decimal(0)) { $0 + $1.spend }), weights: cells.map(\.spendMinor))
            let valueTHB = Self.apportion(thb(cells.reduce(Decimal(0)) { $0 + $1.value }), weights: cells.map(\.valueMinor))
            for (index, cell) in cells.enumerated() {
                let raw = cell.raw
                var row = table.row()
                row["date"] = .text(date.description)
                row["platform"] = .text(Platform.facebookAds.rawValue)
                row["account_id"] = .text(raw.text("account_id"))
                row["campaign_id"] = raw.optionalText("campaign_id").map(SQLValue.text) ?? .null
                row["adset_id"] = raw.optionalText("adset_id").map(SQLValue.text) ?? .null
                row["ad_id"] = .text(raw.text("ad_id"))
                row["age"] = .text(raw.text("age"))
                row["gender"] = .text(raw.text("gender"))
                row["impressions"] = .integer(raw.int("impressions"))
                row["clicks"] = .integer(raw.int("clicks"))
                row["reach"] = raw.optionalInt("reach").map(SQLValue.integer) ?? .null
                row["currency"] = .text(cell.currency.code)
                row["fx_rate"] = .text("\(rate)")
                row["spend"] = .text("\(cell.spend)")
                row["spend_thb_minor"] = .integer(spendTHB[index])
                row["conversions"] = .integer(raw.int("conversions"))
                row["conversion_value"] = .text("\(cell.value)")
                row["conversion_value_thb_minor"] = .integer(valueTHB[index])
                row["_ingested_at"] = raw.optionalText("_ingested_at").map(SQLValue.text) ?? .null
                row["_built_at"] = .text(context.builtAt)
                rows.append(row)
            }
        }
        return rows
    }

    /// `total` shared in proportion to `weights`: shares rounded down, the units left over to the largest remainders
    /// (the earlier cell on a tie). With no weight at all, the total (zero in practice) goes to the first cell.
    static func apportion(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.indices.map { $0 == 0 ? total : 0 } }
        // An ad-day's satang times its cells' cents stays far below Int64's range.
        var parts = weights.map { total * $0 / sum }
        let remainders = weights.map { total * $0 % sum }
        var left = total - parts.reduce(0, +)
        for index in remainders.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
