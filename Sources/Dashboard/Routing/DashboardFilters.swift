import OmnidashCore
import Warehouse

/// The date range every page shows, the period it is compared with, and what the figures are narrowed to: a
/// marketplace or ad platform, one of its shops or ad accounts, a product, a campaign and its ad set.
public struct DashboardFilters: Sendable, Hashable, Codable {
    public var preset: DateRangePreset
    public var range: DateRange
    /// The marketplace the figures are narrowed to (`?platform=` and its `Platform` raw value); `nil` for every marketplace.
    public var platform: Platform?
    /// The shop the figures are narrowed to (`?shop=822451903`); `nil` for every shop.
    public var shopID: String?
    /// The master SKU a page drills into (`?sku=OMN-SER-001`).
    public var sku: String?
    /// The ad account, campaign and ad set (ad group) the ads pages drill into (`?account=…&campaign=…&adset=…`).
    public var accountID: String?
    public var campaignID: String?
    public var adSetID: String?
    /// The website's default channel group the figures are narrowed to (`?channel=Organic%20Search`).
    public var channel: String?
    /// The Alerts page's narrowing (`?status=open&severity=critical&type=roas_low`), read by `readAlertFilters`.
    public var alertStatus: String?
    public var alertSeverity: String?
    public var alertType: String?
    /// The previous period of equal length.
    public var comparison: DateRange { range.previousPeriod }

    public init(preset: DateRangePreset, range: DateRange, platform: Platform? = nil, shopID: String? = nil, sku: String? = nil,
                accountID: String? = nil, campaignID: String? = nil, adSetID: String? = nil, channel: String? = nil) {
        self.preset = preset
        self.range = range
        self.platform = platform
        self.shopID = shopID
        self.sku = sku
        self.accountID = accountID
        self.campaignID = campaignID
        self.adSetID = adSetID
        self.channel = channel
    }

    /// The same filters for every marketplace, shop and product: what the navigation links to.
    public var unscoped: DashboardFilters { DashboardFilters(preset: preset, range: range) }

    /// These filters with another scope.
    public func scoped(platform: Platform?, shopID: String? = nil, sku: String? = nil) -> DashboardFilters {
        DashboardFilters(preset: preset, range: range, platform: platform, shopID: shopID, sku: sku)
    }

    /// These filters with another ads scope: a platform, an ad account, a campaign and an ad set.
    public func scopedToAds(platform: Platform?, accountID: String? = nil, campaignID: String? = nil,
                            adSetID: String? = nil) -> DashboardFilters {
        DashboardFilters(preset: preset, range: range, platform: platform, accountID: accountID, campaignID: campaignID,
                         adSetID: adSetID)
    }

    /// The days a range and its comparison period may cover: those the warehouse's `dim_date` calendar holds
    /// (migration 0005), which the marts' period comparisons join. A date outside it has no figures, and years
    /// such as 0001 or 9999 would only produce nonsense labels.
    public static let supportedDates = Migration.calendarDates

    /// Last 30 days, the page's default.
    public static func `default`(today: BusinessDate) -> DashboardFilters {
        DashboardFilters(preset: .last30Days, range: DateRangePreset.last30Days.range(today: today)!)
    }

    /// Reads `?preset=…` or `?preset=custom&from=YYYY-MM-DD&to=YYYY-MM-DD`.
    ///
    /// - Throws: `FilterError` with a one-line reason for an unknown preset, a malformed date, a range that
    ///   ends before it starts, one longer than 366 days, or a range or comparison period outside `supportedDates`.
    public init(query: [String: String], today: BusinessDate) throws(FilterError) {
        try self.init(dates: query, today: today)
        if let text = query["platform"], !text.isEmpty {
            // A marketplace on the shop pages, an ad platform on the ads pages.
            let platforms = Platform.allCases.filter { $0.kind != .analytics }
            guard let platform = platforms.first(where: { $0.rawValue == text }) else {
                throw FilterError(.errorUnknownPlatform,
                                  ["value": text, "allowed": platforms.map(\.rawValue).joined(separator: ", ")], subject: .scope)
            }
            self.platform = platform
        }
        if let shop = query["shop"], !shop.isEmpty {
            guard Self.isID(shop) else { throw FilterError(.errorNotAShopID, ["value": String(shop.prefix(64))], subject: .scope) }
            shopID = shop
        }
        for (name, key) in [("account", \DashboardFilters.accountID), ("campaign", \.campaignID), ("adset", \.adSetID)] {
            guard let value = query[name], !value.isEmpty else { continue }
            guard Self.isID(value) else {
                throw FilterError(.errorNotAnAdID, ["name": name, "value": String(value.prefix(64))], subject: .scope)
            }
            self[keyPath: key] = value
        }
        if let sku = query["sku"], !sku.isEmpty {
            guard sku.count <= 128 else { throw FilterError(.errorSKUTooLong, subject: .scope) }
            self.sku = sku
        }
        if let channel = query["channel"], !channel.isEmpty {
            guard Self.isChannelName(channel) else {
                throw FilterError(.errorNotAChannelGroup, ["value": String(channel.prefix(64))], subject: .scope)
            }
            self.channel = channel
        }
        try readAlertFilters(query)
    }

    /// Channel group names: letters of any script, digits, spaces and `-&()/.`, at most 64 characters.
    private static func isChannelName(_ text: String) -> Bool {
        text.count <= 64 && text.allSatisfy { $0.isLetter || $0.isNumber || " -&()/.".contains($0) }
    }

    /// Platforms' ids: letters, digits, `-` and `_`, at most 64 characters.
    private static func isID(_ text: String) -> Bool {
        text.count <= 64 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private init(dates query: [String: String], today: BusinessDate) throws(FilterError) {
        let presetText = query["preset"] ?? (query["from"] != nil ? "custom" : DateRangePreset.last30Days.rawValue)
        guard let preset = DateRangePreset(rawValue: presetText) else {
            throw FilterError(.errorUnknownPreset,
                              ["value": presetText, "allowed": DateRangePreset.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        if let range = preset.range(today: today) {
            self.init(preset: preset, range: range)
            try checkSupported()
            return
        }
        guard let fromText = query["from"], let from = BusinessDate(fromText) else {
            throw FilterError(.errorCustomNeedsFrom, ["value": query["from"] ?? ""])
        }
        guard let toText = query["to"], let to = BusinessDate(toText) else {
            throw FilterError(.errorCustomNeedsTo, ["value": query["to"] ?? ""])
        }
        guard from <= to else { throw FilterError(.errorRangeEndsBeforeStart, ["from": from.description, "to": to.description]) }
        guard from.distance(to: to) < 366 else { throw FilterError(.errorRangeTooLong) }
        self.init(preset: .custom, range: DateRange(start: from, end: to))
        try checkSupported()
    }

    /// Refuses a range, or a comparison period, that leaves `supportedDates`, saying which dates are allowed.
    private func checkSupported() throws(FilterError) {
        let supported = Self.supportedDates
        let bounds = ["first": supported.lowerBound.description, "last": supported.upperBound.description]
        guard supported.contains(range.start), supported.contains(range.end) else {
            throw FilterError(.errorOutsideWarehouse, bounds.merging(["range": "\(range)"]) { $1 })
        }
        guard supported.contains(comparison.start) else {
            let earliest = supported.lowerBound.adding(days: range.dayCount)
            let details = ["start": comparison.start.description, "earliest": earliest.description, "count": String(range.dayCount)]
            throw FilterError(range.dayCount == 1 ? .errorComparisonTooEarlySingleDay : .errorComparisonTooEarly,
                              bounds.merging(details) { $1 })
        }
    }

    /// The query items that reproduce these filters in a link.
    public var queryItems: [(String, String)] {
        dateQueryItems + scopeQueryItems
    }

    var dateQueryItems: [(String, String)] {
        preset == .custom
            ? [("preset", "custom"), ("from", range.start.description), ("to", range.end.description)]
            : [("preset", preset.rawValue)]
    }

    /// The marketplace, shop and product, for a form that changes only the dates to carry along.
    var scopeQueryItems: [(String, String)] {
        [("platform", platform?.rawValue), ("shop", shopID), ("sku", sku), ("account", accountID), ("campaign", campaignID),
         ("adset", adSetID), ("channel", channel), ("status", alertStatus), ("severity", alertSeverity),
         ("type", alertType)].compactMap { name, value in value.map { (name, $0) } }
    }
}

/// A filter in the URL that the dashboard cannot show: its reason is a key of the translation table with the values it
/// names, so the error page says it in the reader's language while JSON and CSV errors stay in English.
public struct FilterError: UserFacingError, Equatable {
    /// What the filter was about, for the sentence the reason goes in (`The date range is not valid: …`).
    public enum Subject: Sendable, Hashable {
        case dates, scope, language
    }

    public var key: TextKey
    public var arguments: [String: String]
    public var subject: Subject

    public init(_ key: TextKey, _ arguments: [String: String] = [:], subject: Subject = .dates) {
        self.key = key
        self.arguments = arguments
        self.subject = subject
    }

    /// The one-line reason in English, as the command line, logs and machine-readable errors give it.
    public var reason: String { reason(in: .en) }

    public func reason(in language: Language) -> String { language.text(key, arguments) }

    public var description: String { reason }
}
