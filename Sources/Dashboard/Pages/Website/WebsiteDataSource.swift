import OmnidashCore
import Warehouse

/// Which of GA4's two paths a page's figures come from, date by date: the BigQuery export (exact counts of every
/// event) or the Data API (GA4's own aggregates, which it may threshold to protect privacy). The marts take the
/// export's figures for a date when it has any, so a range can mix both.
public struct WebsiteDataSource: Sendable, Hashable, Codable {
    public static let export = "export"
    public static let dataAPI = "data_api"

    /// The range's dates with figures from the export, oldest first.
    public var exportDates: [BusinessDate] = []
    /// The range's dates with figures from the Data API, oldest first.
    public var dataAPIDates: [BusinessDate] = []

    public init(exportDates: [BusinessDate] = [], dataAPIDates: [BusinessDate] = []) {
        self.exportDates = exportDates
        self.dataAPIDates = dataAPIDates
    }

    /// `export`, `data_api`, `mixed`, or `nil` when no date has figures: the JSON's and CSV's word for it.
    public var summary: String? {
        switch (exportDates.isEmpty, dataAPIDates.isEmpty) {
        case (true, true): nil
        case (false, true): Self.export
        case (true, false): Self.dataAPI
        case (false, false): "mixed"
        }
    }

    /// The source of each date of `table` between `:from` and `:to` (its `data_source` column).
    static func query(_ warehouse: any Warehouse, table: String, parameters: [String: SQLValue]) async throws -> WebsiteDataSource {
        let rows = try await warehouse.query(SQLStatement(
            "SELECT DISTINCT date, data_source FROM \(table) WHERE date BETWEEN :from AND :to", parameters))
        var source = WebsiteDataSource()
        for row in rows {
            guard let date = BusinessDate(row.text("date")) else { continue }
            switch row.text("data_source") {
            case export: source.exportDates.append(date)
            case dataAPI: source.dataAPIDates.append(date)
            default: continue
            }
        }
        source.exportDates = Array(Set(source.exportDates)).sorted()
        source.dataAPIDates = Array(Set(source.dataAPIDates)).sorted()
        return source
    }

    /// Consecutive dates joined into ranges, so a month of one source reads as one range.
    static func runs(_ dates: [BusinessDate]) -> [DateRange] {
        var runs: [DateRange] = []
        for date in dates {
            if let last = runs.last, last.end.adding(days: 1) == date {
                runs[runs.count - 1] = DateRange(start: last.start, end: date)
            } else {
                runs.append(DateRange(start: date, end: date))
            }
        }
        return runs
    }

    /// The line under the KPIs naming the source, with the dates of each when they are mixed.
    func note(_ language: Language) -> String? {
        func dates(_ list: [BusinessDate]) -> String {
            Self.runs(list).map { Format.dateRange($0, in: language) }.joined(separator: ", ")
        }
        switch summary {
        case Self.export?: return language.text(.websiteSourceExport)
        case Self.dataAPI?: return language.text(.websiteSourceDataAPI)
        case "mixed"?: return language.text(.websiteSourceMixed, ["export": dates(exportDates), "dataAPI": dates(dataAPIDates)])
        default: return nil
        }
    }
}
