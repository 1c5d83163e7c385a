import Foundation
import OmnidashCore
import Warehouse

/// Turns one report row (`{"dimensions":{"ad_id","stat_time_…"},"metrics":{…}}`) into a `raw_tiktok_ads` row, or a
/// reject naming the field. Amounts keep the text TikTok sent; the row's business date is worked out here, once: the
/// advertiser's day for daily rows, the reporting zone's day the hour falls on for hourly rows.
struct TikTokReportParser: Sendable {
    let advertiser: TikTokAdvertiser
    let grain: TikTokAds.Grain
    let calendar: BusinessCalendar

    /// The row and the business date it counts for.
    struct Parsed {
        let record: ParsedRecord
        let date: BusinessDate?
    }

    func parse(_ scanner: JSONScanner, _ range: Range<Int>) -> Parsed {
        scanner.bytes.withUnsafeBufferPointer { parse($0, range) }
    }

    func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Parsed {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        var key: String?
        func reject(_ reason: String) -> Parsed {
            Parsed(record: .reject(RawReject(source: Platform.tiktokAds.rawValue, stream: "report", accountID: advertiser.id,
                                             recordKey: key, reason: reason, payload: raw)), date: nil)
        }
        do throws(JSONReadError) {
            let record = try TikTokRecordReader(buffer, range)
            guard let dimensionsRange = record.nested["dimensions"] else { return reject("dimensions: is required") }
            guard let metricsRange = record.nested["metrics"] else { return reject("metrics: is required") }
            let dimensions = try Self.nested("dimensions", buffer, dimensionsRange)
            let metrics = try Self.nested("metrics", buffer, metricsRange)
            guard let adID = try dimensions.id("ad_id") else { return reject("dimensions.ad_id: is required") }
            guard let statTime = dimensions[grain.dimension] else { return reject("dimensions.\(grain.dimension): is required") }
            key = "\(adID)@\(statTime)"
            guard let (day, hour) = Self.localTime(statTime), grain == .hour || hour == 0 else {
                return reject("dimensions.\(grain.dimension): '\(statTime)' is not YYYY-MM-DD \(grain == .day ? "00" : "HH"):00:00")
            }
            guard let spend = try metrics.amount("spend") else { return reject("metrics.spend: is required") }
            let date = grain == .day ? day : businessDate(localDay: day, hour: hour)
            var row = TikTokAdsRawTables.report.row()
            row["_date"] = .text(date.description)
            row["advertiser_id"] = .text(advertiser.id)
            row["grain"] = .text(grain.rawValue)
            row["stat_time"] = .text(statTime)
            row["currency"] = .text(advertiser.currency)
            row["timezone"] = .text(advertiser.timeZone.identifier)
            row["campaign_id"] = SQLValue(try metrics.id("campaign_id"))
            row["campaign_name"] = SQLValue(metrics["campaign_name"])
            row["adgroup_id"] = SQLValue(try metrics.id("adgroup_id"))
            row["adgroup_name"] = SQLValue(metrics["adgroup_name"])
            row["ad_id"] = .text(adID)
            row["ad_name"] = SQLValue(metrics["ad_name"])
            row["spend"] = .text(spend)
            row["impressions"] = .integer(try metrics.count("impressions") ?? 0)
            row["clicks"] = .integer(try metrics.count("clicks") ?? 0)
            row["reach"] = SQLValue(try metrics.count("reach"))
            row["conversions"] = .integer(try metrics.count("complete_payment") ?? 0)
            row["conversion_value"] = .text(try metrics.amount("total_complete_payment_rate") ?? "0")
            row["video_views"] = SQLValue(try metrics.count("video_play_actions"))
            row["likes"] = SQLValue(try metrics.count("likes"))
            row["comments"] = SQLValue(try metrics.count("comments"))
            row["shares"] = SQLValue(try metrics.count("shares"))
            row["raw_json"] = .text(raw)
            return Parsed(record: .row(row), date: date)
        } catch {
            return reject(error.description)
        }
    }

    /// A nested object, with its name in front of any error.
    static func nested(_ name: String, _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(JSONReadError) -> TikTokRecordReader {
        do {
            return try TikTokRecordReader(buffer, range)
        } catch {
            throw .invalid("\(name): \(error)")
        }
    }

    /// `2026-11-01 13:00:00` → the day and the hour; minutes and seconds must be zero.
    static func localTime(_ text: String) -> (BusinessDate, Int)? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = BusinessDate(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 3, clock[0].count == 2, let hour = Int(clock[0]), (0..<24).contains(hour), clock[1] == "00", clock[2] == "00" else {
            return nil
        }
        return (day, hour)
    }

    /// The reporting calendar's day of the advertiser's local `day` `hour`:00.
    func businessDate(localDay day: BusinessDate, hour: Int) -> BusinessDate {
        calendar.date(unixSeconds: Self.instant(localDay: day, hour: hour, in: advertiser.timeZone))
    }

    /// The UTC instant of a local wall-clock hour, with the zone's offset at that moment.
    static func instant(localDay day: BusinessDate, hour: Int, in zone: TimeZone) -> Int64 {
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour) * 3_600
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset))))
        return local - offset
    }
}
