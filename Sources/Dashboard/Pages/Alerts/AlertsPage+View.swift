import Alerts
import Foundation
import OmnidashCore
import Warehouse

extension AlertsPage {
    /// The page: the date range, the status / severity / rule / platform filters, then one card per alert with its
    /// figures, its link and its acknowledge and snooze forms.
    public static func view(_ model: Model, language: Language) -> HTMLNode {
        let route = SiteRoute.page(id, .html, model.filters)
        let title = language.text(title)
        return Layout.page(title: title, language: language, alternate: route,
                           navigation: Layout.navigation(current: route, filters: model.filters, language: language),
                           filters: DateRangeForm(filters: model.filters, action: route, language: language).html) {
            HTMLNode.div(.class("page-header")) {
                HTMLNode.h1 { title }
                PageExport.links(id, model.filters, language: language)
            }
            filterForm(model, language)
            if model.alerts.isEmpty {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noAlerts) }
                    HTMLNode.p { language.markup(.noAlertsHowTo, ["command": .code { "omnidash alerts" }]) }
                }
            } else {
                HTMLNode.p(.class("note")) { language.text(.alertsNote) }
                HTMLNode.section(.class("alert-list"), .ariaLabel(title)) {
                    for stored in model.alerts { card(stored, model: model, language: language) }
                }
            }
        }
    }

    /// One GET form with the four selects; the date range rides along as hidden fields.
    private static func filterForm(_ model: Model, _ language: Language) -> HTMLNode {
        let filters = model.filters
        return .form(.class("scope-form", "alert-filters"), .method("get"), .action(.page(id, .html, filters))) {
            for (name, value) in filters.dateQueryItems { HTMLNode.input(.type("hidden"), .name(name), .value(value)) }
            select("status", label: language.text(.alertStatus), current: filters.alertStatus,
                   options: [("", language.text(.alertStatusAll)), ("open", language.text(.alertStatusOpen)),
                             ("acknowledged", language.text(.alertStatusAcknowledged))])
            select("severity", label: language.text(.alertSeverity), current: filters.alertSeverity,
                   options: [("", language.text(.alertSeverityAll)), ("critical", language.text(.severityCritical)),
                             ("warning", language.text(.severityWarning))])
            select("type", label: language.text(.alertRule), current: filters.alertType,
                   options: [("", language.text(.alertRuleAll))] + DashboardFilters.alertTypes.map { ($0, language.text(typeKey($0))) })
            select("platform", label: language.text(.alertPlatform), current: filters.platform?.rawValue,
                   options: [("", language.text(.alertPlatformAll))] + model.platforms.map { ($0, platformName($0)) })
            HTMLNode.button(.type("submit")) { language.text(.applyFilters) }
        }
    }

    private static func select(_ name: String, label: String, current: String?, options: [(String, String)]) -> HTMLNode {
        .label {
            HTMLNode.span { label }
            HTMLNode.element("select", [.name(name)]) {
                for (value, text) in options {
                    HTMLNode.element("option", [.value(value)] + ((current ?? "") == value ? [.selected] : [])) { text }
                }
            }
        }
    }

    private static func card(_ stored: StoredAlert, model: Model, language: Language) -> HTMLNode {
        let alert = stored.alert
        return .article(.class("card", "alert", "alert-\(alert.severity.rawValue)"), .id("alert-\(alert.id)"), .data("alert-id", alert.id)) {
            HTMLNode.div(.class("alert-header")) {
                HTMLNode.span(.class("badge", "severity-\(alert.severity.rawValue)")) { severityText(alert.severity, language) }
                HTMLNode.span(.class("badge")) { language.text(typeKey(alert.type)) }
                if alert.provisional {
                    HTMLNode.span(.class("badge", "provisional"), .title(language.text(.alertProvisionalHint))) {
                        language.text(.alertProvisional)
                    }
                }
                if let date = alert.businessDate {
                    HTMLNode.time(.datetime(date.description)) { Format.dayWithWeekday(date, in: language) }
                }
            }
            HTMLNode.h2 { headline(alert, language) }
            HTMLNode.p(.class("alert-subject")) {
                language.text(.alertSubject) + ": " + (alert.subjectKey == "total" ? language.text(.alertSubjectTotal) : subject(alert))
            }
            HTMLNode.ul(.class("alert-figures")) {
                HTMLNode.li { language.text(.alertValue) + ": " + figure(alert.metricValue, alert) }
                HTMLNode.li { language.text(.alertThreshold) + ": " + figure(alert.thresholdValue, alert) }
                if let comparison = alert.comparisonValue, alert.type == "revenue_drop" {
                    HTMLNode.li { language.text(.alertAgainstLastWeek) + ": " + Format.delta(comparison) }
                }
                if alert.raisedCount > 1 {
                    HTMLNode.li { language.text(.alertRaisedTimes, ["count": String(alert.raisedCount)]) }
                }
            }
            HTMLNode.p(.class("alert-status")) {
                if stored.isAcknowledged {
                    language.text(.alertAcknowledgedBy, ["name": stored.acknowledgedBy ?? "–",
                                                         "time": Format.timestamp(stored.acknowledgedAt.map(Timestamp.string), in: language)])
                } else {
                    language.text(.alertOpen)
                }
                if let until = stored.snoozedUntil, until > model.asOf {
                    " · " + language.text(.alertSnoozedUntil, ["time": Format.timestamp(Timestamp.string(until), in: language)])
                }
            }
            HTMLNode.div(.class("alert-actions")) {
                if !alert.linkPath.isEmpty {
                    HTMLNode.a(HTMLAttribute("href", alert.linkPath)) { language.text(.alertExplain) }
                }
                if !stored.isAcknowledged {
                    HTMLNode.form(.method("post"), .action(.acknowledgeAlert), .class("inline-form")) {
                        hiddenFields(alert, model: model)
                        HTMLNode.button(.type("submit")) { language.text(.acknowledge) }
                    }
                }
                HTMLNode.form(.method("post"), .action(.snoozeAlert), .class("inline-form")) {
                    hiddenFields(alert, model: model)
                    HTMLNode.element("select", [.name("hours"), .ariaLabel(language.text(.snooze))]) {
                        HTMLNode.element("option", [.value("24")]) { language.text(.snoozeOneDay) }
                        HTMLNode.element("option", [.value("72")]) { language.text(.snoozeThreeDays) }
                        HTMLNode.element("option", [.value("168")]) { language.text(.snoozeSevenDays) }
                    }
                    HTMLNode.button(.type("submit")) { language.text(.snooze) }
                }
            }
        }
    }

    /// The alert's id, the session's CSRF token and where to come back to.
    private static func hiddenFields(_ alert: RaisedAlert, model: Model) -> [HTMLNode] {
        [.input(.type("hidden"), .name("csrf_token"), .value(SignedInUser.current?.csrfToken ?? "")),
         .input(.type("hidden"), .name("id"), .value(alert.id)),
         .input(.type("hidden"), .name("next"), .value(SiteRoute.page(id, .html, model.filters).url))]
    }

    /// The headline in the reader's language, from the figures (the stored title is English, for messages and logs).
    static func headline(_ alert: RaisedAlert, _ language: Language) -> String {
        let value = figure(alert.metricValue, alert), threshold = figure(alert.thresholdValue, alert)
        let count = alert.metricValue.map { String(Int($0)) } ?? "–"
        switch alert.type {
        case "roas_low": return language.text(.alertTitleRoasLow, ["value": value, "threshold": threshold])
        case "cpa_high": return language.text(.alertTitleCpaHigh, ["value": value, "threshold": threshold])
        case "revenue_drop": return language.text(.alertTitleRevenueDrop, ["change": Format.delta(alert.metricValue)])
        case "source_stale": return language.text(.alertTitleSourceStale, ["hours": count])
        case "sync_failed": return language.text(.alertTitleSyncFailed, ["count": count])
        case "token_expiring": return language.text(.alertTitleTokenExpiring, ["days": count])
        default: return alert.title
        }
    }

    /// A figure as the dashboard writes its kind: ROAS as a multiple, CPA as money, a change as a signed percentage.
    static func figure(_ value: Double?, _ alert: RaisedAlert) -> String {
        switch alert.metricName {
        case "roas": Format.multiple(value)
        case "cpa": Format.money(major: value)
        case "revenue_change": Format.delta(value)
        default: value.map { String(Int($0)) } ?? "–"
        }
    }

    /// The subject and, for a campaign, its platform.
    static func subject(_ alert: RaisedAlert) -> String {
        guard let platform = alert.platform, alert.campaignID != nil else { return alert.subjectLabel }
        return "\(alert.subjectLabel) (\(platformName(platform)))"
    }

    static func platformName(_ id: String) -> String {
        Platform(rawValue: id)?.displayName ?? id
    }

    static func severityText(_ severity: RaisedAlert.Severity, _ language: Language) -> String {
        language.text(severity == .critical ? .severityCritical : .severityWarning)
    }

    static func typeKey(_ type: String) -> TextKey {
        switch type {
        case "revenue_drop": .alertTypeRevenueDrop
        case "cpa_high": .alertTypeCpaHigh
        case "source_stale": .alertTypeSourceStale
        case "sync_failed": .alertTypeSyncFailed
        case "token_expiring": .alertTypeTokenExpiring
        default: .alertTypeRoasLow
        }
    }
}
