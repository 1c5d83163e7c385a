import OmnidashCore

/// A table of figures that reads fully without script, and sorts by clicking a column header when the
/// dashboard's script runs (it reads each cell's `data-sort` key).
public struct DataTable: HTMLComponent, Hashable {
    /// What a column holds: decides its alignment and how the script compares its keys.
    public enum Kind: String, Sendable, Hashable {
        /// Compared as text, aligned to the start.
        case text
        /// Compared as numbers, aligned to the end so digits line up.
        case number
    }

    /// Horizontal alignment of a column's header and cells.
    public enum Alignment: String, Sendable, Hashable {
        case start, end
    }

    public struct Column: Sendable, Hashable {
        public var title: String
        public var kind: Kind
        public var alignment: Alignment

        /// - Parameter alignment: defaults to the end for numbers and the start for text.
        public init(_ title: String, kind: Kind, alignment: Alignment? = nil) {
            self.title = title
            self.kind = kind
            self.alignment = alignment ?? (kind == .number ? .end : .start)
        }
    }

    /// What a cell shows and the key it sorts by.
    public struct Cell: Sendable, Hashable {
        public var text: String
        /// A number (`123450`) or text (`2026-11-01`) that sorts as the column should; `nil` sorts last.
        public var sortValue: String?
        /// Where the cell's text leads (a drill-down), if anywhere.
        public var link: SiteRoute?
        /// Why the cell reads as it does (a figure the platform does not report), shown on hover and read aloud.
        public var hint: String?

        public init(_ text: String, sortValue: String? = nil, link: SiteRoute? = nil, hint: String? = nil) {
            self.text = text
            self.sortValue = sortValue
            self.link = link
            self.hint = hint
        }

        /// Text that sorts by itself.
        public static func text(_ text: String) -> Cell { Cell(text, sortValue: text) }
        /// A day, shown with its weekday (`Sat 1 Nov 2026`, `ส. 1 พ.ย. 2569`), sorted by its ISO date.
        public static func date(_ date: BusinessDate, in language: Language) -> Cell {
            Cell(Format.dayWithWeekday(date, in: language), sortValue: date.description)
        }
        /// Money from minor units, sorted by amount.
        public static func money(minor: Int64?) -> Cell { Cell(Format.money(minor: minor), sortValue: minor.map(String.init)) }
        /// A count, sorted by value.
        public static func count(_ value: Int64?) -> Cell { Cell(Format.integer(value), sortValue: value.map(String.init)) }
        /// Any figure, formatted by its kind and sorted by its number.
        public static func measure(_ measure: Measure?) -> Cell {
            Cell(Format.measure(measure), sortValue: measure.map { String($0.number) })
        }
    }

    /// The table's visible title.
    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A totals row kept below the sorted rows; its first cell is the row's label.
    public var footer: [Cell]?

    public init(caption: String, columns: [Column], rows: [[Cell]], footer: [Cell]? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }

    public var html: HTMLNode {
        // The wrapper scrolls a wide table sideways on a phone; it is focusable so a keyboard can scroll it too.
        .div(.class("table-scroll"), .role("region"), .ariaLabel(caption), .tabindex(0)) {
            HTMLNode.table(.class("data-table", "sortable")) {
                HTMLNode.caption { caption }
                HTMLNode.thead {
                    HTMLNode.tr {
                        for column in shownColumns.map({ columns[$0] }) {
                            HTMLNode.th(.scope("col"), .class(alignClass(column)), .data("type", column.kind.rawValue)) {
                                column.title
                            }
                        }
                    }
                }
                HTMLNode.tbody {
                    for row in rows {
                        self.row(row)
                    }
                }
                if let footer {
                    HTMLNode.tfoot { self.row(footer, sortable: false) }
                }
            }
        }
    }

    /// The positions of the columns shown: all of them, but for a viewer, who sees no cost, fee, profit or margin
    /// column (`CostFigures`).
    private var shownColumns: [Int] {
        CostFigures.hidden ? columns.indices.filter { !CostFigures.isCostColumn(columns[$0].title) } : Array(columns.indices)
    }

    /// A row whose first cell labels it (`<th scope="row">`), so a screen reader announces the date with each figure.
    private func row(_ cells: [Cell], sortable: Bool = true) -> HTMLNode {
        let shown = Set(shownColumns)
        return .tr {
            for (index, cell) in cells.enumerated() where shown.contains(index) || index >= columns.count {
                let column = index < columns.count ? columns[index] : Column("", kind: .text)
                let sortKey: [HTMLAttribute] = sortable ? cell.sortValue.map { [.data("sort", $0)] } ?? [] : []
                let hint: [HTMLAttribute] = cell.hint.map { [HTMLAttribute("title", $0)] } ?? []
                if index == 0 {
                    HTMLNode.element("th", [.scope("row"), .class(alignClass(column))] + sortKey + hint) { content(cell) }
                } else {
                    HTMLNode.element("td", [.class(alignClass(column))] + sortKey + hint) { content(cell) }
                }
            }
        }
    }

    private func content(_ cell: Cell) -> HTMLNode {
        guard let link = cell.link else { return .text(cell.text) }
        return .a(.href(link)) { cell.text }
    }

    private func alignClass(_ column: Column) -> String { column.alignment == .end ? "align-end" : "align-start" }
}
