import Foundation
import OmnidashCore
import Warehouse

/// Judges the marts (and the sync log and stored tokens, for the operational rules) against the configured rules and
/// returns what is wrong now: at most one finding per (rule, subject, business date), with a deterministic id.
/// It writes nothing; `AlertStore.record` decides what is new or worse.
///
/// - ROAS and CPA are judged over `window_days` ending on the latest day with ad data, per platform and per campaign,
///   so a campaign that underperforms all month is one finding a day, not one per day of the month at every run.
/// - Revenue drops are judged day by day over `lookback_days`: each drop is an event of its own day.
/// - A finding whose day is still inside its platform's restatement window is `provisional`.
/// - A campaign with low ROAS is not raised a second time for its CPA on the same day.
public struct AlertEvaluator: Sendable {
    public let warehouse: any Warehouse
    public let settings: AlertSettings
    public let calendar: BusinessCalendar
    /// Minor units per major unit of the reporting currency (100 for THB).
    public let minorPerMajor: Double
    /// Restatement days by platform (`Platform.rawValue`); others use `settings.provisionalDays`.
    public let restatementDays: [String: Int]

    public init(warehouse: any Warehouse, settings: AlertSettings, calendar: BusinessCalendar, minorPerMajor: Double = 100,
                restatementDays: [String: Int] = [:]) {
        self.warehouse = warehouse
        self.settings = settings
        self.calendar = calendar
        self.minorPerMajor = minorPerMajor
        self.restatementDays = restatementDays
    }

    /// The evaluator the configuration describes: its rules, time zone, currency and the sources' restatement windows.
    public init(warehouse: any Warehouse, configuration: OmnidashConfiguration) {
        var days: [String: Int] = [:]
        for section in configuration.sources.all {
            if let restating = section.restatementDays { days[type(of: section).platform.rawValue] = restating }
        }
        self.init(warehouse: warehouse, settings: configuration.alerts, calendar: configuration.calendar,
                  minorPerMajor: pow(10, Double(configuration.currency.minorUnitDigits)), restatementDays: days)
    }

    /// Everything wrong at `now`, in a stable order.
    public func evaluate(at now: Date) async throws -> [RaisedAlert] {
        let today = calendar.date(now)
        var findings: [RaisedAlert] = []
        for rule in settings.rules where rule.enabled {
            switch rule.kind {
            case .roasLow, .cpaHigh: findings += try await spendFindings(rule, today: today)
            case .revenueDrop: findings += try await revenueDrops(rule, today: today)
            case .sourceStale: findings += try await staleSources(rule, now: now)
            case .syncFailed: findings += try await failingStreams(rule)
            case .tokenExpiring: findings += try await expiringTokens(rule, now: now)
            }
        }
        return Self.oneSpendAlertPerSubject(findings)
    }

    /// Low ROAS and high CPA are two readings of one problem (spend that does not pay): a subject that both find on
    /// the same day is raised once, as low ROAS, rather than paging twice about one campaign.
    static func oneSpendAlertPerSubject(_ findings: [RaisedAlert]) -> [RaisedAlert] {
        let lowROAS = Set(findings.filter { $0.type == AlertRule.Kind.roasLow.rawValue }
            .map { "\($0.subjectKey)|\($0.businessDate?.description ?? "")" })
        return findings.filter {
            $0.type != AlertRule.Kind.cpaHigh.rawValue || !lowROAS.contains("\($0.subjectKey)|\($0.businessDate?.description ?? "")")
        }
    }

    /// Whether figures of `platform` (all platforms when `nil`) for `date` may still change at `today`.
    func isProvisional(_ date: BusinessDate, platform: String?, today: BusinessDate) -> Bool {
        let days = platform.flatMap { restatementDays[$0] } ?? settings.provisionalDays
        return date >= today.adding(days: -days)
    }

    func severity(_ rule: AlertRule) -> RaisedAlert.Severity {
        RaisedAlert.Severity(rawValue: rule.severity) ?? .warning
    }

    /// A dashboard link for a range of business dates, with extra filters.
    static func link(_ path: String, from: BusinessDate, to: BusinessDate, _ filters: [(String, String)] = []) -> String {
        let items = [("preset", "custom"), ("from", from.description), ("to", to.description)] + filters
        let query = items.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? $1)" }
        return path + "?" + query.joined(separator: "&")
    }
}

extension CharacterSet {
    /// Unreserved characters only: safe as a query value.
    static let urlQueryValueAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
