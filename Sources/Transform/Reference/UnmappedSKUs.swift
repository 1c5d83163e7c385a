import OmnidashCore
import Warehouse

/// The platform SKUs in staged orders that the SKU map does not know, with what they sold and the master SKU they
/// most likely are: what a seller fixes in the map, since their sales count under "unmapped" until then.
public struct UnmappedSKUs: Sendable {
    public struct Entry: Sendable, Equatable {
        public var platform: Platform
        public var platformSKU: String
        public var productName: String?
        /// Units and revenue (satang) in orders that count, over every staged date.
        public var units: Int64
        public var revenueMinor: Int64
        public var suggestion: Suggestion?
    }

    public struct Suggestion: Sendable, Equatable {
        public var skuMaster: String
        /// Why: `same code` (the codes agree once prefixes and punctuation are set aside) or `similar name`.
        public var reason: String
    }

    /// Every unmapped platform SKU, the best-selling first.
    public static func list(_ warehouse: any Warehouse) async throws -> [Entry] {
        let rows = try await warehouse.query("""
            SELECT platform, sku, max(product_name) AS product_name,
                   sum(CASE WHEN order_status_normalized IN ('completed', 'pending') THEN quantity ELSE 0 END) AS units,
                   sum(CASE WHEN order_status_normalized IN ('completed', 'pending') THEN total_price_thb_minor ELSE 0 END) AS revenue_minor
            FROM stg_order_items
            WHERE sku_normalized IS NULL AND sku IS NOT NULL AND sku <> ''
            GROUP BY platform, sku
            ORDER BY revenue_minor DESC, platform, sku
            """)
        guard !rows.isEmpty else { return [] }
        let masters = try await warehouse.query("SELECT sku_master, max(product_name) AS product_name FROM ref_sku_map GROUP BY sku_master")
            .map { (code: $0.text("sku_master"), name: $0.optionalText("product_name")) }
        return rows.compactMap { row in
            guard let platform = Platform(rawValue: row.text("platform")) else { return nil }
            let sku = row.text("sku")
            let name = row.optionalText("product_name")
            return Entry(platform: platform, platformSKU: sku, productName: name, units: row.int("units"), revenueMinor: row.int("revenue_minor"),
                         suggestion: suggestion(sku: sku, name: name, masters: masters))
        }
    }

    /// The master whose code is the same once case, punctuation and the first segment (a shop's prefix such as
    /// `SKH-` or the brand's `OMN-`) are set aside; else the master most of whose product name's words the platform's
    /// product name holds (a marketplace title adds the brand and a Thai name to the same words).
    static func suggestion(sku: String, name: String?, masters: [(code: String, name: String?)]) -> Suggestion? {
        let code = core(sku)
        if !code.isEmpty, let master = masters.first(where: { core($0.code) == code || normalized($0.code) == normalized(sku) }) {
            return Suggestion(skuMaster: master.code, reason: "same code")
        }
        guard let name else { return nil }
        let words = Set(tokens(name))
        var best: (code: String, score: Double)?
        for master in masters {
            guard let masterName = master.name else { continue }
            let other = Set(tokens(masterName))
            let score = Double(words.intersection(other).count) / Double(max(1, other.count))
            if score > (best?.score ?? 0) { best = (master.code, score) }
        }
        guard let best, best.score >= 0.5 else { return nil }
        return Suggestion(skuMaster: best.code, reason: "similar name")
    }

    static func normalized(_ code: String) -> String {
        String(code.uppercased().unicodeScalars.filter { CharacterSetASCII.isAlphanumeric($0) }.map(Character.init))
    }

    static func core(_ code: String) -> String {
        let segments = code.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." })
        return segments.count > 1 ? normalized(segments.dropFirst().joined()) : ""
    }

    static func tokens(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," || $0 == "(" || $0 == ")" || $0 == "/" }).map(String.init)
    }
}

/// ASCII letters and digits, without Foundation's Unicode tables.
enum CharacterSetASCII {
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
