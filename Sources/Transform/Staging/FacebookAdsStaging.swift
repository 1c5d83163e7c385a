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
            var rows: [[SQLValue]] = []
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
                rows.append([
                    .text(date.description), .text("facebook"), .text(raw.text("account_id")), raw["account_name"], raw["campaign_id"],
                    raw["campaign_name"], .null, raw["adset_id"], raw["adset_name"], .text(raw.text("ad_id")), raw["ad_name"],
                    .integer(raw.int("impressions")), .integer(raw.int("clicks")), .text(currency.code), .text("\(rate)"),
                    .text("\(spend)"), .text("\(spendTHB.decimal)"), .integer(spendTHB.minorUnits), .integer(raw.int("conversions")),
                    .text("\(value)"), .text("\(valueTHB.decimal)"), .integer(valueTHB.minorUnits), raw["reach"], .null, .null,
                    .text(raw.text("_ingested_at")),
                ])
            }
            try await warehouse.write([
                .execute(SQLStatement("DELETE FROM stg_ads_performance WHERE platform = 'facebook' AND date BETWEEN :first AND :last",
                                      ["first": .text(chunk.first!.description), "last": .text(chunk.last!.description)])),
                .insert(RowSet(table: "stg_ads_performance", columns: Self.columns, rows: rows)),
            ])
            outcome.rows += rows.count
        }
        return outcome
    }

    static let columns = [
        "date", "platform", "account_id", "account_name", "campaign_id", "campaign_name", "campaign_type", "adset_id", "adset_name",
        "ad_id", "ad_name", "impressions", "clicks", "currency", "fx_rate", "spend", "spend_thb", "spend_thb_minor", "conversions",
        "conversion_value", "conversion_value_thb", "conversion_value_thb_minor", "reach", "video_views", "engagement", "_ingested_at",
    ]
}
