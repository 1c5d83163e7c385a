import OmnidashCore
import Testing
@testable import Transform
import Warehouse

@Suite("SKU map file")
struct SKUMapFileTests {
    static let header = "sku_master,platform,platform_sku,product_name,category,brand,cost,cost_effective_from"

    @Test("a map as a seller keeps it: quoted names, a byte-order mark, a later cost for one SKU on a second row")
    func aSellersMap() throws {
        let text = "\u{FEFF}" + Self.header + "\r\n" + """
            OMN-SER-001,shopee,SP-VITC30-A,"Vitamin C Serum, 30ml",Skincare,Sukhon,85.50,
            OMN-SER-001,lazada,SKH-SER-001,"Vitamin C Serum, 30ml",Skincare,Sukhon,85.50,
            OMN-SER-001,lazada,SKH-SER-001,"Vitamin C Serum, 30ml",Skincare,Sukhon,94.05,2026-11-01
            OMN-LIP-002,TikTok,TTS-LIP-002,Lip Tint,Makeup,Sukhon,,

            """
        let map = try SKUMapFile(text, name: "sku_mapping.csv")
        #expect(map.mappings.count == 3)
        #expect(map.masterCount == 2)
        #expect(map.mappings[0].productName == "Vitamin C Serum, 30ml")
        #expect(map.mappings[1].cost == "85.50", "the mapping keeps the cost from the start, not the later one")
        #expect(map.mappings[2].platform == .tiktokShop && map.mappings[2].cost == nil)
        #expect(map.costs == [
            SKUMapFile.Cost(skuMaster: "OMN-SER-001", effectiveFrom: nil, text: "85.50", minor: 8_550),
            SKUMapFile.Cost(skuMaster: "OMN-SER-001", effectiveFrom: BusinessDate("2026-11-01"), text: "94.05", minor: 9_405),
        ])
    }

    @Test("a file with a problem is refused whole, each problem naming its row and column", arguments: [
        ("sku_master,platform\nA,shopee", "header: the column platform_sku is missing"),
        ("sku_master,platform,platform_sku,cots\nA,shopee,X,1", "header: cots is not a column of a SKU map; did you mean cost?"),
        (header + "\nA,amazon,X,,,,1,", "row 2: platform: 'amazon' is not one of shopee, lazada, tiktok"),
        (header + "\nA,shopee,X,,,,1,\nB,shopee,X,,,,1,", "row 3: platform_sku: shopee X is mapped to B here and to A on row 2"),
        (header + "\nA,shopee,X,,,,1.005,", "row 2: cost: '1.005' is not an amount in baht of at least 0 with at most two decimals"),
        (header + "\nA,shopee,X,,,,-3,", "row 2: cost: '-3' is not an amount"),
        (header + "\nA,shopee,X,,,,3,1/11/2026", "row 2: cost_effective_from: '1/11/2026' is not a YYYY-MM-DD date"),
        (header + "\nA,shopee,X,,,,,2026-11-01", "row 2: cost: is empty, but cost_effective_from says when it applies"),
        (header + "\nA,shopee,X,,,,3,\nA,lazada,Y,,,,4,", "row 3: cost: A costs 4 from the start here and 3 on row 2"),
        (header + "\n,shopee,X,,,,3,", "row 2: sku_master: is empty"),
        (header + "\n", "the file maps no SKU"),
    ])
    func refusals(text: String, problem: String) {
        #expect {
            try SKUMapFile(text, name: "map.csv")
        } throws: { error in
            let refusal = error as? SKUMapFile.Refusal
            return refusal?.problems.contains { $0.hasPrefix(problem) } == true
                && "\(error)".hasPrefix("map.csv: the SKU map was not imported, nothing changed:")
        }
    }

    @Test("an unmapped SKU is matched to a master by its code, else by its product's name")
    func suggestions() {
        let masters: [(code: String, name: String?)] = [("OMN-SER-001", "Vitamin C Serum 30ml"), ("OMN-LIP-002", "Herbal Lip Tint Rose")]
        #expect(UnmappedSKUs.suggestion(sku: "TTS-SER-001", name: nil, masters: masters)
                == .init(skuMaster: "OMN-SER-001", reason: "same code"))
        #expect(UnmappedSKUs.suggestion(sku: "ZZ-9", name: "Herbal Lip Tint Rose (new pack)", masters: masters)
                == .init(skuMaster: "OMN-LIP-002", reason: "similar name"))
        #expect(UnmappedSKUs.suggestion(sku: "ZZ-9", name: "Bamboo toothbrush", masters: masters) == nil)
    }
}
