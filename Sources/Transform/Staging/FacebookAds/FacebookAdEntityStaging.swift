import Foundation
import OmnidashCore
import Warehouse

/// `raw_facebook_ad_entities` → `stg_ad_entities` and `stg_ad_budget_days`: Meta's campaigns, ad sets and ads as last
/// listed. Budgets are Meta's minor units of the account currency (`"150000"` THB is ฿1,500.00), converted exactly; `"0"`
/// or an absent budget means the budget is on the other level (campaign budget or ad set budgets), so it is left out.
/// An ad's landing URL is its creative's link with the URL tags Meta appends to it when a person clicks.
struct FacebookAdEntityStaging: AdEntityStagingBuilder {
    var platform: Platform { .facebookAds }
    var entityTables: [RawTableContract] { [FacebookAdsRawTables.entities] }

    /// Meta's effective statuses under which an object can deliver now.
    static let deliveringStatuses: Set<String> = ["ACTIVE", "IN_PROCESS", "WITH_ISSUES"]

    func entities(_ context: StagingContext) async throws -> [AdEntity] {
        let rows = try await context.warehouse.query(SQLStatement("""
            SELECT account_id, level, id, account_currency, campaign_id, adset_id, name, status, effective_status, objective,
                   daily_budget, lifetime_budget, start_time, end_time, link, url_tags
            FROM raw_facebook_ad_entities ORDER BY account_id, level, id
            """))
        let today = context.today
        return try rows.compactMap { raw in
            let key = "\(raw.text("account_id"))/\(raw.text("level"))/\(raw.text("id"))"
            let level: AdEntity.Level
            switch raw.text("level") {
            case "campaign": level = .campaign
            case "adset": level = .adSet
            case "ad": level = .ad
            default: return nil
            }
            let currency = Currency(raw.optionalText("account_currency") ?? "")
            guard currency.code.utf8.count == 3 else {
                throw StagingError(table: "raw_facebook_ad_entities", key: key, reason: "account_currency is missing")
            }
            let start = try raw.optionalText("start_time").map { try Self.date($0, context: context, key: key) }
            // Meta's stop time is the instant delivery ends, so the last day is the one before it.
            let end = try raw.optionalText("end_time").map { try Self.date($0, context: context, key: key, endingBefore: true) }
            let status = raw.optionalText("effective_status") ?? raw.optionalText("status")
            let active = status.map(Self.deliveringStatuses.contains) == true && end.map { $0 >= today } != false
            var entity = AdEntity(level: level, accountID: raw.text("account_id"), id: raw.text("id"),
                                  campaignID: raw.optionalText("campaign_id") ?? raw.text("id"), isActive: active, currency: currency)
            entity.parentID = switch level {
            case .campaign: nil
            case .adSet: raw.optionalText("campaign_id")
            case .ad: raw.optionalText("adset_id")
            }
            entity.name = raw.optionalText("name")
            entity.status = status
            entity.objective = raw.optionalText("objective")
            entity.dailyBudget = try Self.budget(raw.optionalText("daily_budget"), currency: currency, key: key)
            entity.lifetimeBudget = try Self.budget(raw.optionalText("lifetime_budget"), currency: currency, key: key)
            entity.startDate = start
            entity.endDate = end
            entity.landingURL = Self.landingURL(link: raw.optionalText("link"), urlTags: raw.optionalText("url_tags"))
            return entity
        }
    }

    /// The link with the URL tags appended as Meta appends them: after the link's own query, if it has one. Tags alone
    /// (an ad whose link is not known) still carry the UTM parameters.
    static func landingURL(link: String?, urlTags: String?) -> String? {
        let tags = urlTags.map { $0.hasPrefix("?") || $0.hasPrefix("&") ? String($0.dropFirst()) : $0 }.flatMap { $0.isEmpty ? nil : $0 }
        guard let tags else { return link.flatMap { $0.isEmpty ? nil : $0 } }
        guard let link, !link.isEmpty else { return "?" + tags }
        let base = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        return base + separator + tags
    }

    /// A budget in minor units as major units, exactly; nil when absent or zero (the budget is on the other level).
    static func budget(_ text: String?, currency: Currency, key: String) throws -> Decimal? {
        guard let text else { return nil }
        guard let minor = Int64(text), minor >= 0 else {
            throw StagingError(table: "raw_facebook_ad_entities", key: key, reason: "budget '\(text)' is not a whole number of minor units")
        }
        return minor == 0 ? nil : Money(minorUnits: minor, currency: currency).decimal
    }

    /// The business date of Meta's `2026-08-17T00:00:00+0700` (or `+07:00`), or of the second before it.
    static func date(_ text: String, context: StagingContext, key: String, endingBefore: Bool = false) throws -> BusinessDate {
        guard let seconds = unixSeconds(text) else {
            throw StagingError(table: "raw_facebook_ad_entities", key: key, reason: "time '\(text)' is not YYYY-MM-DDTHH:MM:SS±HHMM")
        }
        return context.calendar.date(unixSeconds: endingBefore ? seconds - 1 : seconds)
    }

    static func unixSeconds(_ text: String) -> Int64? {
        let characters = Array(text)
        guard characters.count >= 24, characters[10] == "T", let day = BusinessDate(String(characters[0..<10])) else { return nil }
        let number = { (range: Range<Int>) in Int64(String(characters[range])) }
        guard let hours = number(11..<13), let minutes = number(14..<16), let seconds = number(17..<19) else { return nil }
        let zone = String(characters[19...]).replacingOccurrences(of: ":", with: "")
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
              let zoneHours = Int64(zone.dropFirst().prefix(2)), let zoneMinutes = Int64(zone.suffix(2)) else { return nil }
        let offset = (zoneHours * 3_600 + zoneMinutes * 60) * (sign == "-" ? -1 : 1)
        return Int64(day.daysSinceEpoch) * 86_400 + hours * 3_600 + minutes * 60 + seconds - offset
    }
}
