import OmnidashCore

/// A daily money chart drawn as inline SVG: one series as bars (revenue), the others as lines (ad spend),
/// over a shared date axis, with a round-number money axis, a legend, and a tooltip per day. When there are
/// both bars and lines, the lines get their own axis on the right, aligned to the same grid: ad spend is a
/// twentieth of revenue and would otherwise lie flat on the floor.
///
/// Works for one day and for a year (labels thin out to months), and for a period with no money at all
/// (the axis then spans ฿0–฿1k rather than dividing by zero). All colours come from the stylesheet by class
/// (`series-1`, `series-2`), so the chart follows dark mode.
public struct LineChart: HTMLComponent, Hashable {
    /// How a series is drawn.
    public enum Mark: String, Sendable, Hashable {
        case bars, line
    }

    /// One named series of daily amounts.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var mark: Mark
        /// One amount per date, in minor units; a missing trailing value is drawn as zero.
        public var valuesMinor: [Int64]

        public init(name: String, mark: Mark, valuesMinor: [Int64]) {
            self.name = name
            self.mark = mark
            self.valuesMinor = valuesMinor
        }
    }

    public var title: String
    public var dates: [BusinessDate]
    public var series: [Series]
    /// The language of the axis dates, legend, tooltips and summary; `title` and series names come translated.
    public var language: Language

    /// - Parameters:
    ///   - title: the chart's accessible name, also its caption.
    ///   - dates: consecutive days, oldest first.
    ///   - series: drawn in order; bars first reads best, since lines are then drawn on top.
    public init(title: String, dates: [BusinessDate], series: [Series], language: Language) {
        self.title = title
        self.dates = dates
        self.series = series
        self.language = language
    }

    // Geometry of the drawing in viewBox units; the stylesheet scales it to the card's width.
    static let width = 720.0
    static let height = 260.0
    static let left = 64.0
    static let right = 64.0
    static let top = 12.0
    static let bottom = 32.0
    /// At most this many date labels, so they never overlap.
    static let maxLabels = 8
    /// Up to this many days, line series get a dot per day; beyond, dots would blur into the line.
    static let maxDots = 45

    public var html: HTMLNode {
        let scales = self.scales
        return .figure(.class("chart")) {
            HTMLNode.figcaption(.class("chart-title")) { title }
            legend
            HTMLNode.svg(.class("chart-svg"), .viewBox(width: Self.width, height: Self.height), .role("img"),
                         .ariaLabel(summary)) {
                yAxis(scales.left)
                if let right = scales.right { rightAxis(right) }
                xAxis
                for (index, series) in series.enumerated() {
                    plot(series, index: index, scale: series.mark == .line ? scales.right ?? scales.left : scales.left)
                }
                hoverTargets
            }
        }
    }

    // MARK: Parts

    private var legend: HTMLNode {
        let dual = scales.right != nil
        return .ul(.class("legend")) {
            for (index, series) in series.enumerated() {
                HTMLNode.li(.class("legend-item", "legend-\(series.mark.rawValue)", seriesClass(index))) {
                    dual ? language.text(series.mark == .line ? .legendRightAxis : .legendLeftAxis, ["series": series.name])
                        : series.name
                }
            }
        }
    }

    /// The line series' axis: labels only, on the left axis's grid lines.
    private func rightAxis(_ scale: ChartScale) -> HTMLNode {
        .g(.class("axis", "axis-y2")) {
            for tick in scale.ticks {
                let y = scale.position(tick, bottom: plotBottom, top: Self.top)
                HTMLNode.svgText(.class("tick-label"), .x(Self.width - Self.right + 8), .y(y + 4), .textAnchor("start")) {
                    Format.compactMoney(major: tick)
                }
            }
        }
    }

    private func yAxis(_ scale: ChartScale) -> HTMLNode {
        .g(.class("axis", "axis-y")) {
            for tick in scale.ticks {
                let y = scale.position(tick, bottom: plotBottom, top: Self.top)
                HTMLNode.line(.class(tick == 0 ? "grid grid-zero" : "grid"), .x1(Self.left), .y1(y),
                              .x2(Self.width - Self.right), .y2(y))
                HTMLNode.svgText(.class("tick-label"), .x(Self.left - 8), .y(y + 4), .textAnchor("end")) {
                    Format.compactMoney(major: tick)
                }
            }
        }
    }

    private var xAxis: HTMLNode {
        .g(.class("axis", "axis-x")) {
            for (index, label) in dateLabels {
                let x = center(index)
                HTMLNode.line(.class("tick"), .x1(x), .y1(plotBottom), .x2(x), .y2(plotBottom + 4))
                HTMLNode.svgText(.class("tick-label"), .x(x), .y(Self.height - 10), .textAnchor("middle")) { label }
            }
        }
    }

    private func plot(_ series: Series, index: Int, scale: ChartScale) -> HTMLNode {
        let values = dates.indices.map { value(series, $0) }
        switch series.mark {
        case .bars:
            let zero = scale.position(0, bottom: plotBottom, top: Self.top)
            return .g(.class("series", "series-bars", seriesClass(index))) {
                for (day, value) in values.enumerated() where value != 0 {
                    let y = scale.position(value, bottom: plotBottom, top: Self.top)
                    HTMLNode.rect(.class("bar"), .x(center(day) - barWidth / 2), .y(min(y, zero)),
                                  .width(barWidth), .height(abs(zero - y)))
                }
            }
        case .line:
            let points = values.enumerated().map { day, value in
                (x: center(day), y: scale.position(value, bottom: plotBottom, top: Self.top))
            }
            return .g(.class("series", "series-line", seriesClass(index))) {
                if points.count > 1 {
                    HTMLNode.polyline(.class("line"), .points(points), .fill("none"))
                }
                if points.count <= Self.maxDots {
                    for point in points {
                        HTMLNode.circle(.class("dot"), .cx(point.x), .cy(point.y), .r(3))
                    }
                }
            }
        }
    }

    /// A transparent column per day with a `<title>`, so hovering anywhere over a day shows all its figures.
    private var hoverTargets: HTMLNode {
        .g(.class("hover-targets")) {
            for (index, date) in dates.enumerated() {
                HTMLNode.rect(.class("hit"), .x(Self.left + band * Double(index)), .y(Self.top), .width(band),
                              .height(plotBottom - Self.top), .fill("transparent")) {
                    HTMLNode.svgTitle(tooltip(index, date))
                }
            }
        }
    }

    // MARK: Text

    /// The chart in a sentence, its accessible name: the title, the period and each series' total.
    var summary: String {
        let period = dates.isEmpty ? language.text(.chartNoDays)
            : Format.dateRange(DateRange(start: dates.first!, end: dates.last!), in: language)
        let totals = series.map { series in
            let total = dates.indices.reduce(Int64(0)) { $0 + minorValue(series, $1) }
            return language.text(.chartSeriesTotal, ["series": series.name, "total": Format.money(minor: total)])
        }
        return ([title + ", " + period] + totals).joined(separator: "; ")
    }

    private func tooltip(_ index: Int, _ date: BusinessDate) -> String {
        ([Format.dayWithWeekday(date, in: language)] + series.map { "\($0.name) \(Format.money(minor: minorValue($0, index)))" })
            .joined(separator: "\n")
    }

    /// Labels and the day they sit under: days for up to two months, thinned to `maxLabels`; months beyond,
    /// each on its first day, with the year on the first label and on January.
    var dateLabels: [(Int, String)] {
        guard !dates.isEmpty else { return [] }
        if dates.count <= 62 {
            let step = (dates.count + Self.maxLabels - 1) / Self.maxLabels
            return dates.indices.filter { $0 % step == 0 }.map { ($0, Format.shortDate(dates[$0], in: language)) }
        }
        let monthStarts = dates.indices.filter { dates[$0].day == 1 }
        let step = (monthStarts.count + Self.maxLabels - 1) / Self.maxLabels
        return monthStarts.enumerated().filter { $0.offset % max(step, 1) == 0 }.map { offset, index in
            let date = dates[index]
            let withYear = offset == 0 || date.month == 1
            return (index, withYear ? Format.monthAndYear(date, in: language) : Format.monthName(date, in: language))
        }
    }

    // MARK: Geometry

    /// The left axis covers the bars (every series when there are no bars); the right one, when there are
    /// bars and lines, covers the lines with as many steps as the left has.
    private var scales: (left: ChartScale, right: ChartScale?) {
        func values(_ mark: Mark?) -> [Double] {
            series.filter { mark == nil || $0.mark == mark }.flatMap { series in dates.indices.map { value(series, $0) } }
        }
        let hasBars = series.contains { $0.mark == .bars }
        let hasLines = series.contains { $0.mark == .line }
        guard hasBars, hasLines else { return (ChartScale(covering: values(nil)), nil) }
        let left = ChartScale(covering: values(.bars))
        return (left, ChartScale(covering: values(.line), intervals: left.ticks.count - 1))
    }

    private var plotBottom: Double { Self.height - Self.bottom }

    /// The width each day gets; a chart with no dates still gets a finite band.
    private var band: Double { (Self.width - Self.left - Self.right) / Double(max(dates.count, 1)) }

    /// Bars fill 70 % of their day, and no more than 48 units, so a single day is a bar, not a wall.
    private var barWidth: Double { min(band * 0.7, 48) }

    private func center(_ index: Int) -> Double { Self.left + band * (Double(index) + 0.5) }

    private func minorValue(_ series: Series, _ index: Int) -> Int64 {
        index < series.valuesMinor.count ? series.valuesMinor[index] : 0
    }

    private func value(_ series: Series, _ index: Int) -> Double { Double(minorValue(series, index)) / 100 }

    private func seriesClass(_ index: Int) -> String { "series-\(index + 1)" }
}
