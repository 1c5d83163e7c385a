/// Product cost, marketplace fees, gross profit, profit after fees and margins: what a viewer does not see.
///
/// Ad spend is not among them. It is on nearly every page, a viewer reading ROAS and CPA could work it out from them
/// anyway, and the people a seller gives a viewer's account (an agency, a marketing assistant) are the ones who
/// spend it; what the seller keeps private is what the goods cost and what is left after the marketplaces' cut.
///
/// The pages drop these figures from their models (the KPI cards), and every table, CSV and JSON leaves out their
/// columns and keys entirely, so a viewer's export has no empty column that says a figure exists.
public enum CostFigures {
    /// Whether the request's user may not see them. Outside a request (a view rendered alone) everything shows.
    public static var hidden: Bool { SignedInUser.current.map { !$0.role.seesCosts } ?? false }

    /// KPI keys, CSV columns and JSON keys that carry a cost, fee, profit or margin figure.
    public static let keys: Set<String> = [
        "cost", "cost_minor", "previous_cost_minor", "days_without_cost", "previous_days_without_cost",
        "fees", "fees_minor", "previous_fees_minor", "gross_profit", "gross_profit_minor", "margin",
        "profit_after_fees", "profit_after_fees_minor", "margin_after_fees",
    ]

    /// Table column titles that carry such a figure, by their translation key.
    static let columnTitles: [TextKey] = [.cost, .costOfGoods, .grossProfit, .margin, .marketplaceFees, .profitAfterFees,
                                          .marginAfterFees]

    /// `kpis` without the cost figures when they are hidden.
    public static func visible(_ kpis: [KPIValue]) -> [KPIValue] {
        hidden ? kpis.filter { !keys.contains($0.key) } : kpis
    }

    /// Whether a table column titled `title` (in either language) is one to leave out.
    static func isCostColumn(_ title: String) -> Bool {
        columnTitles.contains { key in Language.allCases.contains { $0.text(key) == title } }
    }

    /// `value` without object members named in `keys`, at any depth.
    static func strip(_ value: PageExport.Value) -> PageExport.Value {
        switch value {
        case .object(let members):
            .object(members.filter { !keys.contains($0.key) }.mapValues(strip))
        case .array(let items):
            .array(items.map(strip))
        default:
            value
        }
    }

    /// The CSV without the columns whose header names a cost figure.
    static func strip(csv text: String) -> String {
        var records = CSVRecords.parse(text)
        guard let header = records.first else { return text }
        let dropped = Set(header.indices.filter { keys.contains(header[$0]) })
        guard !dropped.isEmpty else { return text }
        records = records.map { record in record.indices.filter { !dropped.contains($0) }.map { record[$0] } }
        return records.map { $0.map(PageExport.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
