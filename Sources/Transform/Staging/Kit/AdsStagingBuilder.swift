import Foundation
import OmnidashCore
import Warehouse

/// A source's `stg_ads_performance` builder: which raw table holds its daily rows, and how a range of business dates
/// of them reads as deliveries. `AdsStaging` does the rest the same way for every ad platform: it finds the dates
/// loaded since the watermark, converts to THB at each date's rate, rounds each row to the satang once, and replaces
/// the platform's rows of those dates.
protocol AdsStagingBuilder: StagingBuilder {
    var platform: Platform { get }
    /// The raw table whose `dateColumn` names the business dates rows were loaded for.
    var performanceTable: RawTableContract { get }
    /// The business-date column of `performanceTable`; default `_date`.
    var dateColumn: String { get }
    /// Every raw table whose loaded rows make a date worth restaging (all with `dateColumn`); default
    /// `performanceTable` alone. A platform whose reports arrive at two grains, perhaps from two tools, names both.
    var dateTables: [RawTableContract] { get }
    /// The deliveries of every business date in `dates`, from the raw tables.
    func deliveries(_ context: StagingContext, dates: ClosedRange<BusinessDate>) async throws -> [AdDelivery]
}

extension AdsStagingBuilder {
    var name: String { "stg_ads_performance.\(platform.rawValue)" }
    var rawTables: [RawTableContract] { [performanceTable] }
    var dateColumn: String { "_date" }
    var dateTables: [RawTableContract] { [performanceTable] }

    func build(_ context: StagingContext, after watermark: Int64) async throws -> StagingOutcome {
        try await AdsStaging(context: context, platform: platform).rebuild(
            tables: dateTables, dateColumn: dateColumn, after: watermark
        ) { try await deliveries(context, dates: $0) }
    }
}

/// Writes one platform's deliveries into `stg_ads_performance`.
struct AdsStaging: Sendable {
    let context: StagingContext
    let platform: Platform

    /// Rebuilds every date of `tables` loaded after `watermark`, 31 dates at a time.
    func rebuild(tables: [RawTableContract], dateColumn: String, after watermark: Int64,
                 deliveries: (ClosedRange<BusinessDate>) async throws -> [AdDelivery]) async throws -> StagingOutcome {
        let column = SQLDialect.quote(dateColumn)
        let touched = try await context.warehouse.query(SQLStatement(
            tables.map { "SELECT DISTINCT \(column) AS d FROM \(SQLDialect.quote($0.table)) WHERE _loaded_at_us > :watermark" }
                .joined(separator: "\nUNION\n"),
            ["watermark": .integer(watermark)]))
        let dates = touched.compactMap { BusinessDate($0.text("d")) }.sorted()
        var outcome = StagingOutcome(touchedDates: Set(dates))
        for start in stride(from: 0, to: dates.count, by: 31) {
            let chunk = dates[start..<min(start + 31, dates.count)]
            let range = chunk.first!...chunk.last!
            // Every date between the chunk's first and last is rebuilt, touched or not, since the delete covers them all.
            outcome.touchedDates.formUnion(range)
            outcome.rows += try await replace(range, with: deliveries(range))
        }
        return outcome
    }

    /// Replaces the platform's rows of `dates` with `deliveries`; returns the rows written.
    func replace(_ dates: ClosedRange<BusinessDate>, with deliveries: [AdDelivery]) async throws -> Int {
        var rows: [TableRow] = []
        rows.reserveCapacity(deliveries.count)
        for delivery in deliveries {
            rows.append(try row(delivery))
        }
        try await context.warehouse.write([
            .execute(SQLStatement("DELETE FROM stg_ads_performance WHERE platform = :platform AND date BETWEEN :first AND :last",
                                  ["platform": .text(platform.rawValue), "first": .text(dates.lowerBound.description),
                                   "last": .text(dates.upperBound.description)])),
            .insert(RowSet(StagingTables.adsPerformance, rows: rows)),
        ])
        return rows.count
    }

    private func row(_ delivery: AdDelivery) throws -> TableRow {
        let rate = try context.fx.rate(delivery.currency, on: delivery.date)
        let spend = Money(delivery.spend, currency: delivery.currency).converted(to: context.currency, rate: rate)
        let value = Money(delivery.conversionValue, currency: delivery.currency).converted(to: context.currency, rate: rate)
        var row = StagingTables.adsPerformance.row()
        row["date"] = .text(delivery.date.description)
        row["platform"] = .text(platform.rawValue)
        row["account_id"] = .text(delivery.accountID)
        row["account_name"] = text(delivery.accountName)
        row["campaign_id"] = text(delivery.campaignID)
        row["campaign_name"] = text(delivery.campaignName)
        row["campaign_type"] = text(delivery.campaignType)
        row["adset_id"] = text(delivery.adSetID)
        row["adset_name"] = text(delivery.adSetName)
        row["ad_id"] = .text(delivery.adID)
        row["ad_name"] = text(delivery.adName)
        row["impressions"] = .integer(delivery.impressions)
        row["clicks"] = .integer(delivery.clicks)
        row["currency"] = .text(delivery.currency.code)
        row["fx_rate"] = .text("\(rate)")
        row["spend"] = .text("\(delivery.spend)")
        row["spend_thb"] = .text("\(spend.decimal)")
        row["spend_thb_minor"] = .integer(spend.minorUnits)
        row["conversions"] = .integer(delivery.conversions)
        row["conversion_value"] = .text("\(delivery.conversionValue)")
        row["conversion_value_thb"] = .text("\(value.decimal)")
        row["conversion_value_thb_minor"] = .integer(value.minorUnits)
        row["direct_conversions"] = delivery.directConversions.map(SQLValue.integer) ?? .null
        if let direct = delivery.directConversionValue {
            let thb = Money(direct, currency: delivery.currency).converted(to: context.currency, rate: rate)
            row["direct_conversion_value"] = .text("\(direct)")
            row["direct_conversion_value_thb_minor"] = .integer(thb.minorUnits)
        }
        row["reach"] = delivery.reach.map(SQLValue.integer) ?? .null
        row["video_views"] = delivery.videoViews.map(SQLValue.integer) ?? .null
        row["engagement"] = delivery.engagement.map(SQLValue.integer) ?? .null
        row["_ingested_at"] = text(delivery.ingestedAt)
        return row
    }

    /// NULL for a name the platform did not send.
    private func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
}
