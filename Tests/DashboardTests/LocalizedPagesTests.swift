@testable import Dashboard
import OmnidashCore
import Testing

/// Every page in English and in Thai: the document's language, the page's labels, the language switch, and no
/// English word left on the Thai page outside names and the abbreviations Thai reports keep.
@Suite("Pages in English and Thai")
struct LocalizedPagesTests {
    static let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-03")!),
                                          platform: .shopee, shopID: "822451903")
    static let shops = [ScopeForm.Shop(platform: .shopee, shopID: "822451903", name: "Sukhon Beauty Official Store"),
                        ScopeForm.Shop(platform: .tiktokShop, shopID: "7494061285019470123", name: "Sukhon Beauty TH")]

    /// The names on the fixtures' pages that stay as they are in every language; `unmapped` is the master SKU code
    /// the product mart files unmapped sales under, shown (and linked) as a code like any other SKU.
    static let data = Platform.allCases.map(\.displayName)
        + shops.compactMap(\.name) + ["Vitamin C Serum", "Skincare", "OMN-SER-001", "SHP-VC-30ML", "VC Serum 30ml", "OMN-SER-002",
                                       "unmapped"]

    // MARK: Fixtures

    static var shopModel: ShopPerformance.Model {
        let row = ShopPerformance.ShopRow(platform: .shopee, shopID: "822451903", shopName: "Sukhon Beauty Official Store",
                                          revenueMinor: 1_234_550, orders: 10, units: 14, refundedOrders: 2, refundAmountMinor: 50_000,
                                          previousRevenueMinor: 1_000_000, monthAgoRevenueMinor: 0, yearAgoRevenueMinor: 617_275,
                                          monthAgoOrders: 8, feesMinor: 150_000, unsettledOrders: 3, costMinor: 600_000)
        let kpis = ShopPerformance.kpis(current: .init(revenueMinor: 1_234_550, orders: 10, units: 14, refundedOrders: 2, refundAmountMinor: 50_000,
                                                               feesMinor: 150_000, costMinor: 600_000),
                                        previous: .init())
        return ShopPerformance.Model(
            filters: filters, shops: shops, kpis: kpis,
            growth: .init(revenueMoM: nil, revenueYoY: 1, ordersMoM: 0.25, monthAgo: filters.range, yearAgo: filters.range),
            daily: filters.range.days.map { .init(date: $0, revenueMinor: [411_516]) }, marketplaces: [.shopee], rows: [row])
    }

    static var emptyShopModel: ShopPerformance.Model {
        var model = shopModel
        model.rows = []
        return model
    }

    static var productModel: ProductAnalytics.Model {
        let product = ProductAnalytics.ProductRow(skuMaster: "OMN-SER-001", productName: "Vitamin C Serum", category: "Skincare", units: 3,
                                                  revenueMinor: 90_000, revenueByMarketplaceMinor: [60_000, 0, 30_000, 0], costMinor: 30_000,
                                                  feesMinor: 9_000, unsettledRevenueMinor: 30_000, previousRevenueMinor: 45_000, revenueRank: 1)
        let unmapped = ProductAnalytics.ProductRow(skuMaster: "unmapped", productName: nil, category: nil, units: 1, revenueMinor: 5_000,
                                                   revenueByMarketplaceMinor: [5_000, 0, 0, 0], costMinor: nil, feesMinor: 0,
                                                   unsettledRevenueMinor: 5_000, previousRevenueMinor: 0,
                                                   revenueRank: 2)
        let kpis = ProductAnalytics.kpis(current: .init(revenueMinor: 95_000, units: 4, feesMinor: 9_000, costMinor: nil),
                                         previous: .init(revenueMinor: 45_000, units: 2, feesMinor: 4_000, costMinor: 20_000))
        let detail = ProductAnalytics.Detail(skuMaster: "OMN-SER-001", productName: "Vitamin C Serum", days: filters.range.days.map {
            .init(date: $0, units: 1, revenueByMarketplaceMinor: [20_000, 0, 10_000, 500], costMinor: 10_000, feesMinor: 3_000)
        })
        return ProductAnalytics.Model(
            filters: filters.scoped(platform: nil, sku: "OMN-SER-001"), shops: shops, kpis: kpis, products: [product, unmapped],
            detail: detail,
            unmapped: [
                .init(platform: .shopee, platformSKU: "SHP-VC-30ML", productName: "VC Serum 30ml", units: 1, revenueMinor: 5_000,
                      suggestedSKUMaster: "OMN-SER-001", suggestionReason: "similar name"),
                .init(platform: .lazada, platformSKU: "OMN-SER-002", productName: nil, units: 0, revenueMinor: 0,
                      suggestedSKUMaster: "OMN-SER-002", suggestionReason: "same code"),
            ])
    }

    static var emptyProductModel: ProductAnalytics.Model {
        var model = productModel
        (model.products, model.detail, model.unmapped) = ([], nil, [])
        return model
    }

    /// Each page and state, rendered in `language`, with the route its language switch must point at.
    static func pages(_ language: Language) -> [(name: String, html: String, route: SiteRoute)] {
        [
            ("executive", ExecutiveOverview.view(.mock, language: language).render(), .executive(ExecutiveOverview.Model.mock.filters)),
            ("executive, empty", ExecutiveOverview.view(.emptyMock, language: language).render(), .executive(ExecutiveOverview.Model.emptyMock.filters)),
            ("shops", ShopPerformance.view(shopModel, language: language).render(), .page(.shops, .html, shopModel.filters)),
            ("shops, empty", ShopPerformance.view(emptyShopModel, language: language).render(), .page(.shops, .html, shopModel.filters)),
            ("products", ProductAnalytics.view(productModel, language: language).render(), .page(.products, .html, productModel.filters)),
            ("products, empty", ProductAnalytics.view(emptyProductModel, language: language).render(),
             .page(.products, .html, productModel.filters)),
        ]
    }

    // MARK: Tests

    @Test("every page declares its language and is well-formed", arguments: Language.allCases)
    func documentLanguage(language: Language) {
        for page in Self.pages(language) {
            #expect(page.html.hasPrefix("<!DOCTYPE html><html lang=\"\(language.code)\">"), "\(page.name)")
            #expect(MarkupCheck.tagProblem(page.html) == nil, "\(page.name)")
            #expect(!MarkupCheck.hasInlineScript(page.html), "\(page.name)")
            expectLacks(page.html, "style=")
        }
    }

    @Test("the language switch keeps the page, its dates and its scope, and marks the current language",
          arguments: Language.allCases)
    func languageSwitch(language: Language) {
        for page in Self.pages(language) {
            for other in Language.allCases {
                let href = page.route.url(switchingTo: other).replacingOccurrences(of: "&", with: "&amp;")
                let current = other == language ? " aria-current=\"true\"" : ""
                expectContains(page.html, "<a href=\"\(href)\" hreflang=\"\(other.code)\" lang=\"\(other.code)\"\(current)>\(other.nativeName)</a>")
            }
        }
        #expect(SiteRoute.page(.shops, .html, Self.filters).url(switchingTo: .th)
            == "/shops?preset=custom&from=2026-11-01&to=2026-11-03&platform=shopee&shop=822451903&lang=th")
    }

    @Test func noEnglishIsLeftOnAThaiPage() {
        for page in Self.pages(.th) {
            let words = VisibleText.englishWords(in: page.html, data: Self.data)
            #expect(words.isEmpty, "\(page.name) still shows \(words.sorted())")
        }
    }

    @Test func theVisibleTextCheckFindsEnglish() {
        // The check itself: an untranslated literal would be caught.
        let html = "<p title=\"Revenue\">ยอดขาย <code>omnidash sync</code> TikTok Shop ฿1.2M ROAS</p><p>Apply</p>"
        #expect(VisibleText.englishWords(in: html, data: Self.data) == ["Revenue", "Apply"])
    }

    @Test func thaiPagesShowTheirMainLabelsInThai() {
        let pages = Dictionary(uniqueKeysWithValues: Self.pages(.th).map { ($0.name, $0.html) })
        let expected: [String: [String]] = [
            "executive": ["<title>ภาพรวมผู้บริหาร · Omnidash</title>", "<h1>ภาพรวมผู้บริหาร</h1>", ">ยอดขาย</h3>", ">คำสั่งซื้อ</h3>",
                          ">จำนวนชิ้น</h3>", ">มูลค่าเฉลี่ยต่อคำสั่งซื้อ</h3>", ">ค่าโฆษณา</h3>", "<h2>ยอดขายแยกตามมาร์เก็ตเพลส</h2>",
                          "<caption>ตัวเลขรายวัน</caption>", "ดาวน์โหลด CSV", "ข้ามไปยังเนื้อหา", "<strong>1 พ.ย. – 30 พ.ย. 2569</strong> เทียบกับ",
                          "อา. 1 พ.ย. 2569", "Shopee ซิงก์ล่าสุด <time datetime=\"2026-11-25T06:30:00Z\">25 พ.ย. 2569 06:30 UTC</time>",
                          "Facebook Ads ซิงก์ล่าสุด", " · รอบล่าสุด: ล้มเหลว</li>", "LINE Ads ยังไม่เคยซิงก์", ">รวม</th>",
                          "ภาพรวมผู้บริหาร</a>", "ผลงานร้านค้า</a>", "วิเคราะห์สินค้า</a>"],
            "executive, empty": ["ไม่มีข้อมูลในช่วง 1 พ.ย. – 30 พ.ย. 2569", "รัน <code>omnidash sync</code>",
                                 "ความสดใหม่ของข้อมูล: ยังไม่มีแหล่งข้อมูลใดซิงก์สำเร็จ"],
            "shops": ["<h1>ผลงานร้านค้า</h1>", ">อัตราการคืนสินค้า</", ">ยอดคืนเงิน</", ">ทุกมาร์เก็ตเพลส</option>", ">ทุกร้านค้า</option>",
                      "เมื่อเทียบกับวันเดียวกันของเดือนก่อน", "<caption>ร้านค้า</caption>", "ยอดขายรายวันแยกตามมาร์เก็ตเพลส"],
            "shops, empty": ["ไม่มีข้อมูลร้านค้าในช่วง 1 พ.ย. – 3 พ.ย. 2569"],
            "products": ["<h1>วิเคราะห์สินค้า</h1>", ">กำไรขั้นต้น</", ">อัตรากำไร</", ">ต้นทุนสินค้า</h3>", "สินค้าขายดีตามยอดขาย",
                         "SKU มาร์เก็ตเพลสที่ยังไม่จับคู่", "OMN-SER-001 (ชื่อใกล้เคียง)", "OMN-SER-002 (รหัสตรงกัน)", ">อื่น ๆ</th>",
                         "สินค้าทั้งหมด</a>", "<code>omnidash import sku-map</code>"],
            "products, empty": ["ไม่มียอดขายสินค้าในช่วง", "ทุก SKU ในคำสั่งซื้อมี SKU หลักแล้ว"],
        ]
        for (name, needles) in expected {
            for needle in needles { expectContains(pages[name] ?? "", needle) }
        }
    }

    @Test func englishPagesKeepTheirEnglishLabels() {
        let pages = Dictionary(uniqueKeysWithValues: Self.pages(.en).map { ($0.name, $0.html) })
        expectContains(pages["executive"] ?? "", "<h2>Revenue by marketplace</h2>")
        expectContains(pages["shops"] ?? "", "Revenue <strong>–</strong> against the same days a month before (1 Nov – 3 Nov 2026), ")
        expectContains(pages["products"] ?? "", "OMN-SER-001 (similar name)")
        for page in Self.pages(.en) { expectLacks(page.html, "ยอดขาย") }
    }

    @Test func thaiSnapshot() throws {
        try assertSnapshot(ExecutiveOverview.view(.mock, language: .th).render(.indented), suite: "ExecutiveOverviewViewTests",
                           named: "mock-th")
    }

    @Test func thaiErrorPage() {
        let html = ErrorPage.view(status: .notFound, message: ErrorMessage.localized(.errorNoPage, ["path": "/nowhere"]).text(in: .th),
                                  today: BusinessDate("2026-12-05")!, language: .th).render()
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"th\">"))
        expectContains(html, "<h1>404 ไม่พบหน้านี้</h1>")
        expectContains(html, "<p>ไม่มีหน้าที่ /nowhere</p>")
        expectContains(html, "กลับไปที่ภาพรวมผู้บริหาร</a>")
        #expect(VisibleText.englishWords(in: html, data: ["/nowhere"]).isEmpty)
    }
}
