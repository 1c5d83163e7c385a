import CSV
import OmnidashCore
import Warehouse

/// A seller's SKU map (`config/sku_mapping.csv` in the original plan), read and checked whole before anything is
/// written: each marketplace SKU's master SKU, and each master SKU's cost of goods from a date on.
///
/// Columns, named in a header row: `sku_master`, `platform` (a marketplace's `Platform` raw value), `platform_sku`, and
/// optionally `product_name`, `category`, `brand`, `cost` (THB, at most two decimals) and `cost_effective_from`
/// (YYYY-MM-DD; empty for the cost from the start). A platform SKU may appear on several rows, for its later costs,
/// but always with the same master SKU.
public struct SKUMapFile: Sendable {
    public struct Mapping: Sendable, Equatable {
        public var platform: Platform
        public var platformSKU: String
        public var skuMaster: String
        public var productName: String?
        public var category: String?
        public var brand: String?
        /// The cost from the start, as written.
        public var cost: String?
    }

    public struct Cost: Sendable, Equatable {
        public var skuMaster: String
        /// `nil` for the cost that applies from the start.
        public var effectiveFrom: BusinessDate?
        public var text: String
        public var minor: Int64
    }

    public private(set) var mappings: [Mapping] = []
    public private(set) var costs: [Cost] = []

    public static let requiredColumns = ["sku_master", "platform", "platform_sku"]
    public static let optionalColumns = ["product_name", "category", "brand", "cost", "cost_effective_from"]
    /// How many problems one refusal lists; a file wrong everywhere is usually wrong in one way.
    static let problemsShown = 20

    /// Why a file was refused: every problem found, each naming the row and column.
    public struct Refusal: Error, CustomStringConvertible {
        public let file: String
        public let problems: [String]
        public let more: Int

        public var description: String {
            let tail = more > 0 ? "\n  … and \(more) more" : ""
            return "\(file): the SKU map was not imported, nothing changed:\n" + problems.map { "  \($0)" }.joined(separator: "\n") + tail
        }
    }

    /// Reads `text` (the file's contents; `name` is how errors name it).
    public init(_ text: String, name: String) throws(Refusal) {
        var problems: [String] = []
        func problem(_ text: String) { problems.append(text) }
        let reader: CSVReader
        do {
            // A file saved by Excel starts with a byte-order mark.
            reader = try CSVReader(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw Refusal(file: name, problems: ["row 1: \(error)"], more: 0)
        }
        let header = reader.headerRow ?? []
        let known = Set(Self.requiredColumns + Self.optionalColumns)
        for column in Self.requiredColumns where !header.contains(column) {
            problem("header: the column \(column) is missing (columns: \(Self.requiredColumns.joined(separator: ", ")), then any of \(Self.optionalColumns.joined(separator: ", ")))")
        }
        for column in header where !known.contains(column) {
            let hint = NearestName.suggestion(for: column, among: known).map { "; did you mean \($0)?" } ?? ""
            problem("header: \(column) is not a column of a SKU map\(hint)")
        }
        guard problems.isEmpty else { throw Refusal(file: name, problems: problems, more: 0) }

        let marketplaces = Platform.allCases.filter { $0.kind == .marketplace }
        var masterOf: [String: (master: String, row: Int)] = [:]
        var costAt: [String: (text: String, row: Int)] = [:]
        var row = 1
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy(\.isEmpty) { continue }
            func value(_ column: String) -> String? {
                guard let index = header.firstIndex(of: column), index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let master = value("sku_master") else { problem("row \(row): sku_master: is empty"); continue }
            guard let platformSKU = value("platform_sku") else { problem("row \(row): platform_sku: is empty"); continue }
            let platformText = value("platform") ?? ""
            guard let platform = marketplaces.first(where: { $0.rawValue == platformText.lowercased() }) else {
                problem("row \(row): platform: '\(platformText)' is not one of \(marketplaces.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            let key = "\(platform.rawValue)\u{0}\(platformSKU)"
            if let earlier = masterOf[key], earlier.master != master {
                problem("row \(row): platform_sku: \(platform.rawValue) \(platformSKU) is mapped to \(master) here and to \(earlier.master) on row \(earlier.row)")
                continue
            }
            var effectiveFrom: BusinessDate?
            if let dateText = value("cost_effective_from") {
                guard let date = BusinessDate(dateText) else {
                    problem("row \(row): cost_effective_from: '\(dateText)' is not a YYYY-MM-DD date")
                    continue
                }
                effectiveFrom = date
            }
            var cost: Cost?
            if let costText = value("cost") {
                guard let amount = FixedDecimal(costText), amount.micros >= 0, amount.micros % 10_000 == 0 else {
                    problem("row \(row): cost: '\(costText)' is not an amount in baht of at least 0 with at most two decimals")
                    continue
                }
                let costKey = "\(master)\u{0}\(effectiveFrom?.description ?? "")"
                if let earlier = costAt[costKey], FixedDecimal(earlier.text) != amount {
                    let when = effectiveFrom.map { "from \($0)" } ?? "from the start"
                    problem("row \(row): cost: \(master) costs \(costText) \(when) here and \(earlier.text) on row \(earlier.row)")
                    continue
                }
                if costAt[costKey] == nil {
                    costAt[costKey] = (costText, row)
                    cost = Cost(skuMaster: master, effectiveFrom: effectiveFrom, text: costText, minor: amount.minorUnits(digits: 2))
                }
            } else if effectiveFrom != nil {
                problem("row \(row): cost: is empty, but cost_effective_from says when it applies")
                continue
            }
            if let cost { costs.append(cost) }
            if masterOf[key] == nil {
                masterOf[key] = (master, row)
                mappings.append(Mapping(platform: platform, platformSKU: platformSKU, skuMaster: master, productName: value("product_name"),
                                        category: value("category"), brand: value("brand"),
                                        cost: effectiveFrom == nil ? value("cost") : nil))
            } else if effectiveFrom == nil, let index = mappings.firstIndex(where: { $0.platform == platform && $0.platformSKU == platformSKU }) {
                mappings[index].cost = mappings[index].cost ?? value("cost")
            }
        }
        if let error = reader.error { problem("row \(row + 1): \(error)") }
        if problems.isEmpty && mappings.isEmpty { problem("the file maps no SKU (a header row, then one row per platform SKU)") }
        guard problems.isEmpty else {
            throw Refusal(file: name, problems: Array(problems.prefix(Self.problemsShown)), more: max(0, problems.count - Self.problemsShown))
        }
    }

    /// The statements that replace the warehouse's SKU map and costs with this file's, in one transaction.
    /// - Parameter runID: The import's run, in each row's writer column.
    public func replacement(loadedAt: String, runID: String) -> [WriteOperation] {
        let mapRows: [TableRow] = mappings.map { mapping in
            var row = ReferenceTables.skuMap.row()
            row["platform"] = .text(mapping.platform.rawValue)
            row["platform_sku"] = .text(mapping.platformSKU)
            row["sku_master"] = .text(mapping.skuMaster)
            row["product_name"] = SQLValue(mapping.productName)
            row["category"] = SQLValue(mapping.category)
            row["brand"] = SQLValue(mapping.brand)
            row["cost"] = SQLValue(mapping.cost)
            row["_loaded_at"] = .text(loadedAt)
            row["_sync_run_id"] = .text(runID)
            return row
        }
        let costRows: [TableRow] = costs.map { cost in
            var row = ReferenceTables.skuCosts.row()
            row["sku_master"] = .text(cost.skuMaster)
            row["effective_from"] = .text(cost.effectiveFrom?.description ?? ReferenceTables.fromTheStart)
            row["cost"] = .text(cost.text)
            row["cost_minor"] = .integer(cost.minor)
            row["_loaded_at"] = .text(loadedAt)
            row["_sync_run_id"] = .text(runID)
            return row
        }
        return [
            .execute("DELETE FROM ref_sku_map"), .execute("DELETE FROM ref_sku_costs"),
            .insert(RowSet(ReferenceTables.skuMap, rows: mapRows)),
            .insert(RowSet(ReferenceTables.skuCosts, rows: costRows)),
        ]
    }

    /// How many master SKUs the file names.
    public var masterCount: Int { Set(mappings.map(\.skuMaster)).count }
}
