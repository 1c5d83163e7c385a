import Foundation
import OmnidashCore
import Warehouse

/// `raw_facebook_ads` → `stg_ads_performance`: spend and conversion value converted to THB at the rate of
/// the insight's date, each row rounded to the satang once (the totals then add up exactly).
///
/// An insight's date is the ad account's day; Omnidash expects ad accounts in the reporting time zone and
/// does not re-bucket daily rows (DECISIONLOG.md).
struct FacebookAdsStaging: StagingBuilder {
    var name: String { "stg_ads_performance.facebook" }
    var rawTables: [RawTableContract] { [FacebookAdsRawTables.insights] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let warehouse = context.warehouse
        let touched = try await warehouse.query(SQLStatement(
            "SELECT DISTINCT _date FROM raw_facebook_ads WHERE _loaded_at_us > :watermark", ["watermark": .integer(watermark)]))
        let dates = touched.compactMap { BusinessDate($0.text("_date")) }.sorted()
        var outcome = StagingOutcome(touchedDates: Set(dates))
        for chunk in stride(from: 0, to: dates.count, by: 31).map({ Array(dates[$0..<min($0 + 31, dates.count)]) }) {
            let raws = try await warehouse.query(SQLStatement("""
                SELECT _date, account_id, account_name, account_currency, campaign_id, campaign_name, adset_id, adset_name,
                       ad_id, ad_name, impressions, clicks, spend, reach, conversions, conversion_value, _ingested_at
                FROM raw_facebook_ads
                WHERE _date BETWEEN :first AND :last
                """, ["first": .text(chunk.first!.description), "last": .text(chunk.last!.description)]))
            // Every date between the chunk's first and last is rebuilt, touched or not, since the delete covers them all.
            outcome.touchedDates.formUnion(chunk.first!...chunk.last!)
            var rows: [TableRow] = []
            for raw in raws {
                guard let date = BusinessDate(raw.text("_date")) else { continue }
                let currency = Currency(raw.text("account_currency"))
                let rate = try context.fx.rate(currency, on: date)
                guard let spend = Decimal(exactly: raw.text("spend")), let value = Decimal(exactly: raw.text("conversion_value")) else {
                    throw StagingError(table: "raw_facebook_ads", key: "\(raw.text("account_id"))/\(raw.text("ad_id"))/\(date)",
                                       reason: "spend '\(raw.text("spend"))' or conversion_value '\(raw.text("conversion_value"))' is not a number")
                }
                let spendTHB = Money(spend, currency: currency).converted(to: context.currency, rate: rate)
                let valueTHB = Money(value, currency: currency).converted(to: context.currency, rate: rate)
                var row = StagingTables.adsPerformance.row()
                row["date"] = .text(date.description)
                row["platform"] = .text(Platform.facebookAds.rawValue)
                for column in ["account_name", "campaign_id", "campaign_name", "adset_id", "adset_name", "ad_name", "reach"] {
                    row[column] = raw[column]
                }
                row["account_id"] = .text(raw.text("account_id"))
                row["ad_id"] = .text(raw.text("ad_id"))
                row["impressions"] = .integer(raw.int("impressions"))
                row["clicks"] = .integer(raw.int("clicks"))
                row["currency"] = .text(currency.code)
                row["fx_rate"] = .text("\(rate)")
                row["spend"] = .text("\(spend)")
                row["spend_thb"] = .text("\(spendTHB.decimal)")
                row["spend_thb_minor"] = .integer(spendTHB.minorUnits)
                row["conversions"] = .integer(raw.int("conversions"))
                row["conversion_value"] = .text("\(value)")
                row["conversion_value_thb"] = .text("\(valueTHB.decimal)")
                row["conversion_value_thb_minor"] = .integer(valueTHB.minorUnits)
                row["_ingested_at"] = .text(raw.text("_ingested_at"))
                rows.append(row)
            }
            try await warehouse.write([
                .execute(SQLStatement("DELETE FROM stg_ads_performance WHERE platform = :platform AND date BETWEEN :first AND :last",
                                      ["platform": .text(Platform.facebookAds.rawValue), "first": .text(chunk.first!.description),
                                       "last": .text(chunk.last!.description)])),
                .insert(RowSet(StagingTables.adsPerformance, rows: rows)),
            ])
            outcome.rows += rows.count
        }
        return outcome
    }
}
