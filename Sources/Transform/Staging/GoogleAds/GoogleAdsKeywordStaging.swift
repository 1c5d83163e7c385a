import Foundation
import OmnidashCore
import Warehouse

/// `raw_google_ads_keywords` → `stg_ads_keywords`: each keyword's day in the account currency and in THB at the day's
/// rate, for the Google deep dive's keyword level. Rebuilds the dates loaded since its watermark.
struct GoogleAdsKeywordStaging: StagingBuilder {
    var name: String { "stg_ads_keywords.google" }
    var rawTables: [RawTableContract] { [GoogleAdsRawTables.keywords] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        let touched = try await context.warehouse.query(SQLStatement(
            "SELECT DISTINCT _date AS d FROM raw_google_ads_keywords WHERE _loaded_at_us > :watermark", ["watermark": .integer(watermark)]))
        let dates = touched.compactMap { BusinessDate($0.text("d")) }.sorted()
        var outcome = StagingOutcome()
        guard let first = dates.first, let last = dates.last else { return outcome }
        let parameters: [String: SQLValue] = ["first": .text(first.description), "last": .text(last.description)]
        let raws = try await context.warehouse.query(SQLStatement("""
            SELECT _date, customer_id, customer_currency, campaign_id, ad_group_id, criterion_id, keyword_text, match_type,
                   criterion_status, impressions, clicks, cost_micros, conversions, conversion_value, _ingested_at
            FROM raw_google_ads_keywords WHERE _date BETWEEN :first AND :last
            """, parameters))
        var rows: [TableRow] = []
        for raw in raws {
            guard let date = BusinessDate(raw.text("_date")) else { continue }
            let totals = try GoogleAdsStaging.totals(raw, table: "raw_google_ads_keywords", id: raw.text("criterion_id"))
            let currency = Currency(raw.text("customer_currency"))
            let rate = try context.fx.rate(currency, on: date)
            let spend = Decimal(totals.costMicros) / 1_000_000
            var row = StagingTables.adsKeywords.row()
            row["date"] = .text(date.description)
            row["platform"] = .text(Platform.googleAds.rawValue)
            row["account_id"] = .text(raw.text("customer_id"))
            row["campaign_id"] = SQLValue(raw.optionalText("campaign_id"))
            row["adset_id"] = .text(raw.text("ad_group_id"))
            row["keyword_id"] = .text(raw.text("criterion_id"))
            row["keyword_text"] = SQLValue(raw.optionalText("keyword_text"))
            row["match_type"] = SQLValue(raw.optionalText("match_type")?.lowercased())
            row["status"] = SQLValue(raw.optionalText("criterion_status"))
            row["impressions"] = .integer(totals.impressions)
            row["clicks"] = .integer(totals.clicks)
            row["currency"] = .text(currency.code)
            row["fx_rate"] = .text("\(rate)")
            row["spend"] = .text("\(spend)")
            row["spend_thb_minor"] = .integer(Money(spend, currency: currency).converted(to: context.currency, rate: rate).minorUnits)
            row["conversions"] = .integer(GoogleAdsStaging.wholeCount(totals.conversions))
            row["conversion_value"] = .text("\(totals.value)")
            row["conversion_value_thb_minor"] = .integer(
                Money(totals.value, currency: currency).converted(to: context.currency, rate: rate).minorUnits)
            row["_ingested_at"] = SQLValue(raw.optionalText("_ingested_at"))
            row["_built_at"] = .text(context.builtAt)
            rows.append(row)
        }
        try await context.warehouse.write([
            .execute(SQLStatement("DELETE FROM stg_ads_keywords WHERE platform = 'google' AND date BETWEEN :first AND :last", parameters)),
            .insert(RowSet(StagingTables.adsKeywords, rows: rows)),
        ])
        outcome.touchedDates = Set(first...last)
        outcome.rows = rows.count
        return outcome
    }
}
