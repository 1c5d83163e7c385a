import OmnidashCore

/// A daily chart of counts (sessions) drawn as inline SVG lines, one per series, over a shared date axis with a
/// round-number axis, a legend and a tooltip per day.
///
/// `LineChart` draws money; counts need whole-number ticks and no currency sign. Colours come from the stylesheet's
/// `series-1`…`series-4` classes, so a chart should draw at most four series.
public struct CountLineChart: HTMLComponent, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One count per date; a missing trailing value is drawn as zero.
        public var values: [Int64]

        public init(name: String, values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var dates: [BusinessDate]
    public var series: [Series]
    /// The language of the dates, tooltips and summary; `title` and series names come translated.
    public var language: Language

    public init(title: String, dates: [BusinessDate], series: [Series], language: Language) {
        self.title = title
        self.dates = dates
        self.series = series
        self.language = language
    }

    // The same drawing geometry as `LineChart`, so the two read alike side by side.
    static let width = LineChart.width
    static let height = LineChart.height
    static let left = LineChart.left
    static let right = 16.0
    static let top = LineChart.top
    static let bottom = LineChart.bottom

    public var html: HTMLNode {
        let scale = self.scale
        return .figure(.class("chart")) {
            HTMLNode.figcaption(.class("chart-title")) { title }
            HTMLNode.ul(.class("legend")) {
                for (index, series) in series.enumerated() {
                    HTMLNode.li(.class("legend-item", "legend-line", "series-\(index + 1)")) { series.name }
                }
            }
            HTMLNode.svg(.class("chart-svg"), .viewBox(width: Self.width, height: Self.height), .role("img"), .ariaLabel(summary)) {
                HTMLNode.g(.class("axis", "axis-y")) {
                    for tick in scale.ticks {
                        let y = scale.position(tick, bottom: plotBottom, top: Self.top)
                        HTMLNode.line(.class(tick == 0 ? "grid grid-zero" : "grid"), .x1(Self.left), .y1(y), .x2(Self.width - Self.right), .y2(y))
                        HTMLNode.svgText(.class("tick-label"), .x(Self.left - 8), .y(y + 4), .textAnchor("end")) {
                            Format.integer(Int64(tick.rounded()))
                        }
                    }
                }
                HTMLNode.g(.class("axis", "axis-x")) {
                    for (index, label) in dateLabels {
                        HTMLNode.line(.class("tick"), .x1(center(index)), .y1(plotBottom), .x2(center(index)), .y2(plotBottom + 4))
                        HTMLNode.svgText(.class("tick-label"), .x(center(index)), .y(Self.height - 10), .textAnchor("middle")) { label }
                    }
                }
                for (index, series) in series.enumerated() {
                    let points = dates.indices.map { (x: center($0), y: scale.position(Double(value(series, $0)), bottom: plotBottom, top: Self.top)) }
                    HTMLNode.g(.class("series", "series-line", "series-\(index + 1)")) {
                        if points.count > 1 { HTMLNode.polyline(.class("line"), .points(points), .fill("none")) }
                        if points.count <= LineChart.maxDots {
                            for point in points { HTMLNode.circle(.class("dot"), .cx(point.x), .cy(point.y), .r(3)) }
                        }
                    }
                }
                HTMLNode.g(.class("hover-targets")) {
                    for (index, date) in dates.enumerated() {
                        HTMLNode.rect(.class("hit"), .x(Self.left + band * Double(index)), .y(Self.top), .width(band),
                                      .height(plotBottom - Self.top), .fill("transparent")) {
                            HTMLNode.svgTitle(([Format.dayWithWeekday(date, in: language)]
                                + series.map { "\($0.name) \(Format.integer(value($0, index)))" }).joined(separator: "\n"))
                        }
                    }
                }
            }
        }
    }

    /// The chart in a sentence, its accessible name: the title, the period and each series' total.
    var summary: String {
        let period = dates.isEmpty ? language.text(.chartNoDays)
            : Format.dateRange(DateRange(start: dates.first!, end: dates.last!), in: language)
        let totals = series.map { series in
            language.text(.chartSeriesTotal, ["series": series.name,
                                              "total": Format.integer(dates.indices.reduce(Int64(0)) { $0 + value(series, $1) })])
        }
        return ([title + ", " + period] + totals).joined(separator: "; ")
    }

    /// The date labels `LineChart` would draw for the same days.
    private var dateLabels: [(Int, String)] {
        LineChart(title: title, dates: dates, series: [], language: language).dateLabels
    }

    /// Whole-number steps: at least 0–4, so a quiet site does not get ticks at 0.5, and a wider span where a round step
    /// would be 2.5.
    private var scale: ChartScale {
        let values = series.flatMap { series in dates.indices.map { Double(value(series, $0)) } }
        var scale = ChartScale(covering: values + [4], emptySpan: 4)
        while scale.step != scale.step.rounded() {
            scale = ChartScale(covering: values + [scale.upper + scale.step], emptySpan: 4)
        }
        return scale
    }

    private var plotBottom: Double { Self.height - Self.bottom }
    private var band: Double { (Self.width - Self.left - Self.right) / Double(max(dates.count, 1)) }
    private func center(_ index: Int) -> Double { Self.left + band * (Double(index) + 0.5) }
    private func value(_ series: Series, _ index: Int) -> Int64 { index < series.values.count ? series.values[index] : 0 }
}
