import OmnidashCore

extension WebsiteAnalytics {
    /// The page: the date range and the channel control, twelve KPI cards against the previous period with the line
    /// naming the GA4 path and how users are counted, daily sessions by channel group, the channel, traffic-source,
    /// top-page, device and country tables.
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
            if model.channels.count > 1 { channelForm(model, language) }
            HTMLNode.section(.class("kpi-grid"), .ariaLabel(language.text(.keyFigures))) {
                for kpi in model.kpis { KPICard(kpi, language: language) }
            }
            if model.totals.sessions != 0 || !model.sources.isEmpty {
                HTMLNode.p(.class("note"), .data("source", model.dataSource.summary ?? "")) {
                    [model.dataSource.note(language), language.text(.userDaysNote)].compactMap { $0 }.joined(separator: " ")
                }
                HTMLNode.section(.class("card")) {
                    CountLineChart(title: language.text(.sessionsByChannel), dates: model.daily.map(\.date),
                                   series: chartSeries(model, language), language: language)
                }
                HTMLNode.section(.class("card")) {
                    audienceTable(model.channelRows, caption: .channelGroups, first: .channelGroup, language: language) { channel in
                        .page(id, .html, model.filters.narrowed(toChannel: channel))
                    }
                }
                HTMLNode.section(.class("card")) {
                    sourceTable(model, language)
                    if model.sources.count > shownSources {
                        HTMLNode.p(.class("note")) {
                            language.text(.largestRowsShown, ["shown": String(shownSources), "count": String(model.sources.count)])
                        }
                    }
                }
                HTMLNode.section(.class("card")) { pageTable(model, language) }
                HTMLNode.section(.class("card")) {
                    audienceTable(model.devices, caption: .devices, first: .device, language: language)
                    HTMLNode.p(.class("note")) { language.text(.splitsCoverEveryChannel) }
                }
                HTMLNode.section(.class("card")) {
                    audienceTable(model.countries, caption: .countries, first: .country, language: language)
                }
            } else {
                HTMLNode.section(.class("card", "empty-state")) {
                    HTMLNode.h2 { language.text(.noWebsiteDataFor, ["range": Format.dateRange(model.filters.range, in: language)]) }
                    HTMLNode.p { language.markup(.noWebsiteDataHowTo, ["command": .code { "omnidash sync --transform" },
                                                                 "import": .code { "omnidash import ga4-events FILE" }]) }
                }
            }
        }
    }

    /// How many traffic sources the page lists; a long tail of one-session campaigns would bury the table, and the
    /// CSV has every row.
    static let shownSources = 30

    /// The chart's lines: each charted channel, then "other channels" when the model summed the rest.
    static func chartSeries(_ model: Model, _ language: Language) -> [CountLineChart.Series] {
        let names = model.chartChannels + (model.daily.first.map { $0.sessions.count > model.chartChannels.count } ?? false
            ? [language.text(.otherChannels)] : [])
        return names.enumerated().map { index, name in
            CountLineChart.Series(name: name, values: model.daily.map { index < $0.sessions.count ? $0.sessions[index] : 0 })
        }
    }

    /// One GET form with the channel select, keeping the dates, so it works without script.
    private static func channelForm(_ model: Model, _ language: Language) -> HTMLNode {
        let filters = model.filters
        return .form(.class("scope-form"), .method("get"), .action(.page(id, .html, filters)), .ariaLabel(language.text(.channelGroup))) {
            HTMLNode.fieldset {
                HTMLNode.legend(.class("visually-hidden")) { language.text(.channelGroup) }
                for (name, value) in filters.dateQueryItems { HTMLNode.input(.type("hidden"), .name(name), .value(value)) }
                HTMLNode.label {
                    language.text(.channelGroup)
                    HTMLNode.element("select", [.name("channel")]) {
                        option("", language.text(.allChannels), selected: filters.channel == nil)
                        for channel in model.channels { option(channel, channel, selected: filters.channel == channel) }
                    }
                }
                HTMLNode.element("button", [.type("submit")]) { language.text(.apply) }
            }
        }
    }

    private static func option(_ value: String, _ label: String, selected: Bool) -> HTMLNode {
        .element("option", [.value(value)] + (selected ? [HTMLAttribute("selected", nil)] : [])) { label }
    }

    private static func column(_ language: Language, _ key: TextKey, _ kind: DataTable.Kind = .number) -> DataTable.Column {
        DataTable.Column(language.text(key), kind: kind)
    }

    /// Sessions, users (user-days), new users, engagement rate, transactions, revenue, conversion rate and shares.
    private static func audienceTable(_ rows: [AudienceRow], caption: TextKey, first: TextKey, language: Language,
                                      link: ((String) -> SiteRoute)? = nil) -> DataTable {
        DataTable(
            caption: language.text(caption),
            columns: [column(language, first, .text), column(language, .sessions), column(language, .sessionsChange),
                      column(language, .userDays), column(language, .newUsers), column(language, .engagementRate),
                      column(language, .transactions), column(language, .revenue), column(language, .conversionRate),
                      column(language, .sessionShare), column(language, .revenueShare)],
            rows: rows.map { row in
                [DataTable.Cell(row.value, sortValue: row.value, link: link?(row.value)), .count(row.figures.sessions),
                 DataTable.Cell(Format.delta(row.sessionsChange), sortValue: row.sessionsChange.map { String($0) }),
                 .count(row.figures.userDays), .count(row.figures.newUsers), .measure(row.figures.engagementRate.map(Measure.percent)),
                 .count(row.figures.transactions), .money(minor: row.figures.revenueMinor),
                 .measure(row.figures.conversionRate.map(Measure.percent)), .measure(row.sessionShare.map(Measure.percent)),
                 .measure(row.revenueShare.map(Measure.percent))]
            })
    }

    private static func sourceTable(_ model: Model, _ language: Language) -> DataTable {
        // Users do not add up across sources (one person can come from two in a day): the total row takes the page's.
        var total = model.sources.reduce(WebsiteFigures()) { $0 + $1.figures }
        total.userDays = model.totals.userDays
        func figureCells(_ figures: WebsiteFigures) -> [DataTable.Cell] {
            [.count(figures.sessions), .count(figures.userDays), .count(figures.newUsers),
             .measure(figures.engagementRate.map(Measure.percent)), .measure(figures.bounceRate.map(Measure.percent)),
             .measure(figures.pagesPerSession.map(Measure.multiple)),
             .measure(figures.averageDurationSeconds.map { .count(Int64($0.rounded())) }), .count(figures.transactions),
             .money(minor: figures.revenueMinor), .measure(figures.conversionRate.map(Measure.percent))]
        }
        return DataTable(
            caption: language.text(.trafficSources),
            columns: [column(language, .channelGroup, .text), column(language, .sourceMedium, .text), column(language, .campaign, .text)]
                + [.sessions, .userDays, .newUsers, .engagementRate, .bounceRate, .pagesPerSession, .averageSessionDuration,
                   .transactions, .revenue, .conversionRate, .sessionShare, .revenueShare].map { column(language, $0) },
            rows: model.sources.prefix(shownSources).map { row in
                [.text(row.channel), .text("\(row.source) / \(row.medium)"), .text(row.campaign)] + figureCells(row.figures)
                    + [.measure(row.sessionShare.map(Measure.percent)), .measure(row.revenueShare.map(Measure.percent))]
            },
            footer: [.text(language.text(.total)), .text(""), .text("")] + figureCells(total) + [.text(""), .text("")])
    }

    private static func pageTable(_ model: Model, _ language: Language) -> DataTable {
        DataTable(
            caption: language.text(.topPages),
            columns: [column(language, .pagePath, .text), column(language, .pageTitle, .text)]
                + [.pageviews, .uniquePageviews, .entrances, .exits, .exitRate, .averageTimeOnPage, .bounceRate].map { column(language, $0) },
            rows: model.pages.map { row in
                [.text(row.path), .text(row.title ?? ""), .count(row.pageviews), .count(row.uniquePageviews), .count(row.entrances),
                 .count(row.exits), .measure(row.exitRate.map(Measure.percent)),
                 .measure(row.averageTimeOnPage.map { .count(Int64($0.rounded())) }), .measure(row.bounceRate.map(Measure.percent))]
            })
    }
}
