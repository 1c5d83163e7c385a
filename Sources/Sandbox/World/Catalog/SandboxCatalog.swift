import Foundation
import OmnidashCore

/// The simulated brand's product range: 44 listings (two of them unlisted, never ordered), 52 sellable models.
///
/// The catalog is the same for every seed so that SKU maps and fixtures stay stable; seeds change what is sold,
/// not what can be sold.
struct SandboxCatalog: Sendable {
    let products: [SandboxProduct]
    /// Every sellable model, flattened, with the listing it belongs to.
    let units: [CatalogUnit]
    /// Cumulative popularity over `units`, for drawing an order line.
    private let cumulativeUnitWeights: [Double]

    struct CatalogUnit: Sendable {
        let productIndex: Int
        let modelIndex: Int
    }

    static let shared = SandboxCatalog()

    private init() {
        var products: [SandboxProduct] = []
        var counters: [String: Int] = [:]
        for (index, row) in SandboxCatalog.rows.enumerated() {
            let itemID = 24_810_000_000 + Int64(index) * 1_337_113 + 7
            let models = row.variants.enumerated().map { modelIndex, variant in
                let number = (counters[row.code] ?? 0) + 1
                counters[row.code] = number
                return SandboxProductModel(
                    modelID: row.variants.count > 1 ? 201_544_000_000 + Int64(index) * 1_000 + Int64(modelIndex) * 17 + 3 : 0,
                    name: row.variants.count > 1 ? variant.name : "",
                    skuMaster: "OMN-\(row.code)-" + String(repeating: "0", count: 3 - String(number).count) + String(number),
                    marketplaceSKU: variant.marketplaceSKU,
                    listPriceMinor: variant.priceMinor,
                    cost: Decimal(string: variant.cost, locale: Locale(identifier: "en_US_POSIX"))!,
                    // The first variant (the small size, the first shade) sells a little better than the others.
                    popularity: row.unlisted ? 0 : row.popularity / Double(row.variants.count) * (modelIndex == 0 ? 1.2 : 0.8)
                )
            }
            products.append(SandboxProduct(
                itemID: itemID,
                name: "\(row.brand) \(row.english) \(row.thai)",
                englishName: row.english,
                category: row.category,
                categoryID: row.categoryID,
                brand: row.brand,
                itemSKU: row.variants.count > 1 ? row.parentSKU : row.variants[0].marketplaceSKU,
                status: row.unlisted ? "UNLIST" : "NORMAL",
                weightGrams: row.grams,
                models: models
            ))
        }
        self.products = products
        var units: [CatalogUnit] = []
        var weights: [Double] = []
        for (productIndex, product) in products.enumerated() {
            for (modelIndex, model) in product.models.enumerated() {
                units.append(CatalogUnit(productIndex: productIndex, modelIndex: modelIndex))
                weights.append(model.popularity)
            }
        }
        self.units = units
        self.cumulativeUnitWeights = SeededGenerator.cumulative(weights)
    }

    func product(of unit: Int) -> SandboxProduct { products[units[unit].productIndex] }
    func model(of unit: Int) -> SandboxProductModel { products[units[unit].productIndex].models[units[unit].modelIndex] }

    /// Draws a sellable unit by popularity.
    func drawUnit(using generator: inout SeededGenerator) -> Int {
        generator.index(cumulative: cumulativeUnitWeights)
    }

    /// The code `shop` writes for a model: the catalogue's marketplace SKU, or the shop's prefix on the master code.
    func sku(_ model: SandboxProductModel, on shop: SandboxShop) -> String {
        guard let prefix = shop.skuPrefix else { return model.marketplaceSKU }
        return prefix + model.skuMaster.replacingOccurrences(of: "OMN-", with: "")
    }

    /// The listing's id on `shop`'s marketplace.
    func listingID(_ productIndex: Int, on shop: SandboxShop) -> Int64 {
        guard let base = shop.listingIDBase else { return products[productIndex].itemID }
        return base + Int64(productIndex) * 1_009 + 11
    }

    /// The variant's id on `shop`'s marketplace (`0` for a listing without variants where the catalogue or the shop's
    /// marketplace has none).
    func variantID(_ productIndex: Int, model modelIndex: Int, on shop: SandboxShop) -> Int64 {
        let model = products[productIndex].models[modelIndex]
        guard let base = shop.listingIDBase else { return model.modelID }
        guard shop.singleModelsHaveIDs || products[productIndex].hasVariants else { return 0 }
        return base * 4 + Int64(productIndex) * 100 + Int64(modelIndex) + 1
    }

    func skuMap(for shop: SandboxShop) -> [SKUMapEntry] {
        products.enumerated().flatMap { productIndex, product in
            product.models.enumerated().map { modelIndex, model in
                SKUMapEntry(
                    platform: shop.platform,
                    platformSKU: sku(model, on: shop),
                    skuMaster: model.skuMaster,
                    productName: model.name.isEmpty ? product.englishName : "\(product.englishName) \(model.name)",
                    category: product.category,
                    brand: product.brand,
                    cost: model.cost,
                    platformProductID: String(listingID(productIndex, on: shop)),
                    platformModelID: String(variantID(productIndex, model: modelIndex, on: shop)),
                    listPrice: Decimal(model.listPriceMinor) / 100
                )
            }
        }
    }

    // MARK: - The table

    private struct Row {
        let code: String
        let category: String
        let categoryID: Int64
        let brand: String
        let english: String
        let thai: String
        let parentSKU: String
        let variants: [Variant]
        let popularity: Double
        let grams: Int
        var unlisted = false
    }

    private struct Variant {
        let name: String
        let marketplaceSKU: String
        let priceMinor: Int64
        let cost: String
    }

    private static func single(_ sku: String, _ priceMinor: Int64, _ cost: String) -> [Variant] {
        [Variant(name: "", marketplaceSKU: sku, priceMinor: priceMinor, cost: cost)]
    }

    private static let sukhon = "Sukhon"
    private static let men = "Sukhon Men"
    private static let herbal = "Baan Samunprai"

    // Prices are in satang; some carry satang on purpose (249.50) so that amounts are not all whole baht.
    private static let rows: [Row] = [
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Vitamin C Bright Serum",
            thai: "เซรั่มวิตามินซี ผิวกระจ่างใส", parentSKU: "SP-VITC-A",
            variants: [Variant(name: "30ml", marketplaceSKU: "SP-VITC30-A", priceMinor: 59_000, cost: "185.00"),
                       Variant(name: "50ml", marketplaceSKU: "SP-VITC50-A", priceMinor: 89_000, cost: "270.00")],
            popularity: 9, grams: 120),
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Hyaluron Hydra Serum 30ml",
            thai: "ไฮยาลูรอน เซรั่ม เติมความชุ่มชื้น", parentSKU: "", variants: single("SP-HYAL30-A", 54_950, "160.00"),
            popularity: 7, grams: 110),
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Niacinamide 10% Clear Serum 30ml",
            thai: "เซรั่มไนอะซินาไมด์ ลดสิว", parentSKU: "", variants: single("SP-NIA30-B", 45_900, "120.00"),
            popularity: 6, grams: 110),
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Retinol Night Repair Serum 30ml",
            thai: "เรตินอล ไนท์ เซรั่ม", parentSKU: "", variants: single("SP-RET30-N", 79_000, "240.00"),
            popularity: 3.5, grams: 110),
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Centella Calming Ampoule 50ml",
            thai: "แอมพูลใบบัวบก ลดการระคายเคือง", parentSKU: "", variants: single("SP-CICA50-A", 49_900, "140.00"),
            popularity: 5, grams: 150),
        Row(code: "SER", category: "Serum", categoryID: 100_664, brand: sukhon, english: "Rice Water Glow Essence 150ml",
            thai: "น้ำตบน้ำนมข้าว", parentSKU: "", variants: single("SP-RICE150-E", 38_900, "95.00"),
            popularity: 4.5, grams: 230),
        Row(code: "TON", category: "Toner", categoryID: 100_665, brand: sukhon, english: "Rose Petal Hydrating Toner 200ml",
            thai: "โทนเนอร์กุหลาบ", parentSKU: "", variants: single("SP-ROSE200-T", 32_900, "80.00"),
            popularity: 3, grams: 260),
        Row(code: "TON", category: "Toner", categoryID: 100_665, brand: sukhon, english: "AHA/BHA Clarifying Toner 150ml",
            thai: "โทนเนอร์ผลัดเซลล์ผิว", parentSKU: "", variants: single("SP-AHA150-T", 35_950, "90.00"),
            popularity: 2, grams: 220, unlisted: true),
        Row(code: "TON", category: "Toner", categoryID: 100_665, brand: sukhon, english: "Green Tea Balancing Toner 250ml",
            thai: "โทนเนอร์ชาเขียว", parentSKU: "", variants: single("SP-GTEA250-T", 29_900, "70.00"),
            popularity: 2.5, grams: 310),
        Row(code: "CLN", category: "Cleanser", categoryID: 100_666, brand: sukhon, english: "Gentle Amino Foam Cleanser 120ml",
            thai: "โฟมล้างหน้าอะมิโน", parentSKU: "", variants: single("SP-AMINO120-C", 25_900, "62.00"),
            popularity: 6, grams: 170),
        Row(code: "CLN", category: "Cleanser", categoryID: 100_666, brand: sukhon, english: "Tamarind Brightening Cleansing Gel 150ml",
            thai: "เจลล้างหน้ามะขาม", parentSKU: "", variants: single("SP-TAMA150-C", 24_950, "58.00"),
            popularity: 4, grams: 200),
        Row(code: "CLN", category: "Cleanser", categoryID: 100_666, brand: sukhon, english: "Micellar Cleansing Water",
            thai: "คลีนซิ่งวอเตอร์ ไมเซลล่า", parentSKU: "SP-MICEL-W",
            variants: [Variant(name: "100ml", marketplaceSKU: "SP-MICEL100-W", priceMinor: 15_900, cost: "35.00"),
                       Variant(name: "400ml", marketplaceSKU: "SP-MICEL400-W", priceMinor: 39_900, cost: "88.00")],
            popularity: 5, grams: 150),
        Row(code: "CLN", category: "Cleanser", categoryID: 100_666, brand: sukhon, english: "Charcoal Pore Clay Wash 100ml",
            thai: "โคลนล้างหน้าชาร์โคล", parentSKU: "", variants: single("SP-CHAR100-C", 21_900, "50.00"),
            popularity: 2, grams: 140),
        Row(code: "MOI", category: "Moisturiser", categoryID: 100_667, brand: sukhon, english: "Ceramide Barrier Cream 50g",
            thai: "ครีมเซราไมด์ ฟื้นฟูผิว", parentSKU: "", variants: single("SP-CERA50-M", 65_000, "190.00"),
            popularity: 4, grams: 90),
        Row(code: "MOI", category: "Moisturiser", categoryID: 100_667, brand: sukhon, english: "Aloe Vera Soothing Gel",
            thai: "เจลว่านหางจระเข้", parentSKU: "SP-ALOE-G",
            variants: [Variant(name: "100ml", marketplaceSKU: "SP-ALOE100-G", priceMinor: 18_900, cost: "40.00"),
                       Variant(name: "300ml", marketplaceSKU: "SP-ALOE300-G", priceMinor: 39_900, cost: "80.00")],
            popularity: 5, grams: 160),
        Row(code: "MOI", category: "Moisturiser", categoryID: 100_667, brand: sukhon, english: "Oil-Control Gel Cream 50g",
            thai: "เจลครีมคุมมัน", parentSKU: "", variants: single("SP-OILC50-M", 48_900, "130.00"),
            popularity: 3, grams: 90),
        Row(code: "MOI", category: "Moisturiser", categoryID: 100_667, brand: sukhon, english: "Overnight Sleeping Mask 80ml",
            thai: "สลีปปิ้งมาสก์", parentSKU: "", variants: single("SP-SLEEP80-M", 55_900, "150.00"),
            popularity: 3, grams: 120),
        Row(code: "SUN", category: "Sunscreen", categoryID: 100_668, brand: sukhon, english: "Daily UV Shield SPF50+ PA++++",
            thai: "กันแดดเนื้อบางเบา", parentSKU: "SP-UV-S",
            variants: [Variant(name: "30ml", marketplaceSKU: "SP-UV30-S", priceMinor: 39_900, cost: "105.00"),
                       Variant(name: "50ml", marketplaceSKU: "SP-UV50-S", priceMinor: 59_000, cost: "150.00")],
            popularity: 10, grams: 80),
        Row(code: "SUN", category: "Sunscreen", categoryID: 100_668, brand: sukhon, english: "Tinted Sun Serum SPF50 40ml",
            thai: "กันแดดเซรั่มปรับสีผิว", parentSKU: "", variants: single("SP-TINT40-S", 45_900, "125.00"),
            popularity: 5, grams: 70),
        Row(code: "SUN", category: "Sunscreen", categoryID: 100_668, brand: sukhon, english: "Body Sun Lotion SPF30 150ml",
            thai: "โลชั่นกันแดดผิวกาย", parentSKU: "", variants: single("SP-BSUN150-S", 34_900, "85.00"),
            popularity: 3, grams: 190),
        Row(code: "MSK", category: "Mask", categoryID: 100_669, brand: sukhon, english: "Thanaka Brightening Sheet Mask (Box of 10)",
            thai: "มาสก์ชีททานาคา 10 แผ่น", parentSKU: "", variants: single("SP-THNK10-K", 39_900, "90.00"),
            popularity: 4, grams: 260),
        Row(code: "MSK", category: "Mask", categoryID: 100_669, brand: sukhon, english: "Turmeric Clay Mask 100g",
            thai: "มาสก์โคลนขมิ้น", parentSKU: "", variants: single("SP-TURM100-K", 28_900, "65.00"),
            popularity: 2.5, grams: 140),
        Row(code: "MSK", category: "Mask", categoryID: 100_669, brand: sukhon, english: "Honey Lip Sleeping Mask 20g",
            thai: "ลิปมาสก์น้ำผึ้ง", parentSKU: "", variants: single("SP-HLIP20-K", 19_900, "38.00"),
            popularity: 2, grams: 40, unlisted: true),
        Row(code: "BOD", category: "Body Care", categoryID: 100_670, brand: sukhon, english: "Jasmine Rice Body Lotion",
            thai: "โลชั่นข้าวหอมมะลิ", parentSKU: "SP-JRICE-B",
            variants: [Variant(name: "250ml", marketplaceSKU: "SP-JRICE250-B", priceMinor: 29_900, cost: "70.00"),
                       Variant(name: "500ml", marketplaceSKU: "SP-JRICE500-B", priceMinor: 49_900, cost: "110.00")],
            popularity: 5, grams: 320),
        Row(code: "BOD", category: "Body Care", categoryID: 100_670, brand: sukhon, english: "Coconut Body Scrub 200g",
            thai: "สครับมะพร้าว", parentSKU: "", variants: single("SP-COCO200-B", 32_950, "75.00"),
            popularity: 3, grams: 260),
        Row(code: "BOD", category: "Body Care", categoryID: 100_670, brand: sukhon, english: "Lemongrass Shower Gel 500ml",
            thai: "เจลอาบน้ำตะไคร้", parentSKU: "", variants: single("SP-LEMG500-B", 25_900, "55.00"),
            popularity: 3.5, grams: 560),
        Row(code: "BOD", category: "Body Care", categoryID: 100_670, brand: sukhon, english: "Mangosteen Whitening Body Serum 200ml",
            thai: "เซรั่มผิวกายมังคุด", parentSKU: "", variants: single("SP-MANG200-B", 45_900, "110.00"),
            popularity: 3, grams: 250),
        Row(code: "HAI", category: "Hair Care", categoryID: 100_671, brand: sukhon, english: "Butterfly Pea Anti-Hairfall Shampoo",
            thai: "แชมพูอัญชัน ลดผมร่วง", parentSKU: "SP-BPEA-H",
            variants: [Variant(name: "300ml", marketplaceSKU: "SP-BPEA300-H", priceMinor: 27_900, cost: "60.00"),
                       Variant(name: "600ml", marketplaceSKU: "SP-BPEA600-H", priceMinor: 45_900, cost: "95.00")],
            popularity: 4.5, grams: 360),
        Row(code: "HAI", category: "Hair Care", categoryID: 100_671, brand: sukhon, english: "Butterfly Pea Conditioner 300ml",
            thai: "ครีมนวดอัญชัน", parentSKU: "", variants: single("SP-BPEAC300-H", 27_900, "60.00"),
            popularity: 2.5, grams: 360),
        Row(code: "HAI", category: "Hair Care", categoryID: 100_671, brand: sukhon, english: "Kaffir Lime Scalp Tonic 100ml",
            thai: "โทนิคมะกรูด บำรุงหนังศีรษะ", parentSKU: "", variants: single("SP-KAFF100-H", 34_900, "80.00"),
            popularity: 2, grams: 150),
        Row(code: "HAI", category: "Hair Care", categoryID: 100_671, brand: sukhon, english: "Argan Repair Hair Oil 50ml",
            thai: "ออยล์บำรุงผมอาร์แกน", parentSKU: "", variants: single("SP-ARGN50-H", 38_900, "95.00"),
            popularity: 2, grams: 100),
        Row(code: "LIP", category: "Lip Care", categoryID: 100_672, brand: sukhon, english: "Tinted Lip Balm",
            thai: "ลิปบาล์มมีสี", parentSKU: "SP-LIPB-L",
            variants: [Variant(name: "01 Rose", marketplaceSKU: "SP-LIPB01-L", priceMinor: 14_900, cost: "30.00"),
                       Variant(name: "02 Coral", marketplaceSKU: "SP-LIPB02-L", priceMinor: 14_900, cost: "30.00"),
                       Variant(name: "03 Berry", marketplaceSKU: "SP-LIPB03-L", priceMinor: 14_900, cost: "30.00")],
            popularity: 7, grams: 30),
        Row(code: "LIP", category: "Lip Care", categoryID: 100_672, brand: sukhon, english: "Velvet Matte Lip Tint 3g",
            thai: "ลิปทินท์เนื้อแมตต์", parentSKU: "", variants: single("SP-MATT3-L", 22_900, "45.00"),
            popularity: 4, grams: 30),
        Row(code: "HND", category: "Hand & Foot", categoryID: 100_673, brand: sukhon, english: "Shea Hand Cream 50g",
            thai: "ครีมทามือเชียบัตเตอร์", parentSKU: "", variants: single("SP-SHEA50-F", 15_950, "32.00"),
            popularity: 3, grams: 70),
        Row(code: "HND", category: "Hand & Foot", categoryID: 100_673, brand: sukhon, english: "Peppermint Foot Balm 60g",
            thai: "บาล์มทาเท้าเปปเปอร์มินต์", parentSKU: "", variants: single("SP-PEPM60-F", 18_900, "40.00"),
            popularity: 1.5, grams: 80),
        Row(code: "ARO", category: "Aromatherapy", categoryID: 100_674, brand: herbal, english: "Thai Herbal Inhaler (Pack of 3)",
            thai: "ยาดมสมุนไพร แพ็ค 3", parentSKU: "", variants: single("SP-INHL3-A", 9_900, "18.00"),
            popularity: 5, grams: 45),
        Row(code: "ARO", category: "Aromatherapy", categoryID: 100_674, brand: herbal, english: "Lemongrass Essential Oil 10ml",
            thai: "น้ำมันหอมระเหยตะไคร้", parentSKU: "", variants: single("SP-LEMO10-A", 25_900, "55.00"),
            popularity: 2, grams: 40),
        Row(code: "ARO", category: "Aromatherapy", categoryID: 100_674, brand: herbal, english: "Plai Massage Balm 50g",
            thai: "บาล์มไพล", parentSKU: "", variants: single("SP-PLAI50-A", 17_900, "36.00"),
            popularity: 3, grams: 75),
        Row(code: "MEN", category: "Men's Care", categoryID: 100_675, brand: men, english: "Men Oil-Free Face Wash 100ml",
            thai: "โฟมล้างหน้าผู้ชาย", parentSKU: "", variants: single("SP-MWASH100-X", 22_900, "52.00"),
            popularity: 3, grams: 140),
        Row(code: "MEN", category: "Men's Care", categoryID: 100_675, brand: men, english: "Men Daily Moisturiser SPF30 50ml",
            thai: "มอยส์เจอไรเซอร์ผู้ชาย", parentSKU: "", variants: single("SP-MMOIS50-X", 39_900, "98.00"),
            popularity: 2, grams: 90),
        Row(code: "SET", category: "Gift Set", categoryID: 100_676, brand: sukhon, english: "Bright Skin Trio Gift Set",
            thai: "เซ็ตของขวัญผิวใส 3 ชิ้น", parentSKU: "", variants: single("SP-TRIO-G", 129_000, "390.00"),
            popularity: 1.5, grams: 520),
        Row(code: "SET", category: "Gift Set", categoryID: 100_676, brand: herbal, english: "Spa at Home Gift Box",
            thai: "กล่องของขวัญสปาที่บ้าน", parentSKU: "", variants: single("SP-SPA-G", 99_000, "280.00"),
            popularity: 1, grams: 900),
        Row(code: "SUN", category: "Sunscreen", categoryID: 100_668, brand: sukhon, english: "Kids Mineral Sunscreen SPF50 50ml",
            thai: "กันแดดสำหรับเด็ก", parentSKU: "", variants: single("SP-KIDS50-S", 42_900, "115.00"),
            popularity: 1.5, grams: 80),
        Row(code: "BOD", category: "Body Care", categoryID: 100_670, brand: herbal, english: "Tamarind Herbal Soap Bar 100g",
            thai: "สบู่มะขามสมุนไพร", parentSKU: "", variants: single("SP-TSOAP100-B", 5_950, "12.00"),
            popularity: 4, grams: 110),
    ]
}
