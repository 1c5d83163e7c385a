@testable import Dashboard
import OmnidashCore
import Testing

@Suite("Shop performance and Product analytics views")
struct ShopAndProductViewTests {
    let filters = DashboardFilters(preset: .custom, range: DateRange(start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-03")!),
                                   platform: .shopee, shopID: "822451903")
    let shops = [ScopeForm.Shop(platform: .shopee, shopID: "822451903", name: "Sukhon Beauty Official Store"),
                 ScopeForm.Shop(platform: .tiktokShop, shopID: "7494061285019470123", name: "Sukhon Beauty TH")]

    @Test("the shop page is well-formed, keeps its scope in the date form, and selects the chosen shop")
    func shopPage() {
        let row = ShopPerformance.ShopRow(platform: .shopee, shopID: "822451903", shopName: "Sukhon Beauty Official Store",
                                          revenueMinor: 1_234_550, orders: 10, units: 14, refundedOrders: 2, refundAmountMinor: 50_000,
                                          previousRevenueMinor: 1_000_000, monthAgoRevenueMinor: 0, yearAgoRevenueMinor: 617_275,
                                          monthAgoOrders: 8, feesMinor: 150_000, unsettledOrders: 3, costMinor: 600_000)
        let model = ShopPerformance.Model(
            filters: filters, shops: shops, kpis: [], growth: .init(revenueMoM: nil, revenueYoY: 1, ordersMoM: 0.25, monthAgo: filters.range,
                                                                     yearAgo: filters.range),
            daily: filters.range.days.map { .init(date: $0, revenueMinor: [411_516]) }, marketplaces: [.shopee], rows: [row])
        let html = ShopPerformance.view(model, language: .en).render()
        #expect(MarkupCheck.tagProblem(html) == nil)
        #expect(!MarkupCheck.hasInlineScript(html))
        #expect(html.contains(#"<input type="hidden" name="platform" value="shopee">"#), "changing the dates keeps the marketplace")
        #expect(html.contains(#"<option value="822451903" selected>Sukhon Beauty Official Store (Shopee)</option>"#))
        #expect(html.contains("฿12,345.50"))
        #expect(html.contains("16.67" + Format.percentSpace + "%"), "refund rate 2 / 12")
        let csv = ShopPerformance.csv(model)
        #expect(csv.contains("shopee,822451903,Sukhon Beauty Official Store,12345.50,10,14,"))
        // Profit after fees: 12,345.50 − 6,000.00 cost − 1,500.00 fees; 3 orders still await settlement.
        #expect(csv.contains(",1500.00,4845.50,3\r\n"))
        #expect(html.contains("3 orders in this range await settlement"))
    }

    @Test("the product page links each product to its days and lists the unmapped SKUs")
    func productPage() {
        let product = ProductAnalytics.ProductRow(skuMaster: "OMN-SER-001", productName: "Vitamin C Serum", category: "Skincare", units: 3,
                                                  revenueMinor: 90_000, revenueByMarketplaceMinor: [60_000, 0, 30_000, 0], costMinor: nil,
                                                  feesMinor: 9_000, unsettledRevenueMinor: 0, previousRevenueMinor: 0, revenueRank: 1)
        let model = ProductAnalytics.Model(filters: filters.scoped(platform: nil), shops: shops, kpis: [], products: [product], detail: nil,
                                           unmapped: [])
        let html = ProductAnalytics.view(model, language: .en).render()
        #expect(MarkupCheck.tagProblem(html) == nil)
        #expect(html.contains(#"<a href="/products?preset=custom&amp;from=2026-11-01&amp;to=2026-11-03&amp;sku=OMN-SER-001">OMN-SER-001</a>"#))
        #expect(html.contains("Every SKU in the orders has a master SKU."))
        #expect(html.contains(#"name="shop""#), "products narrow to a shop too")
        // Cost unknown: no cost, profit or margin rather than a flattering one; the fees known are still shown.
        #expect(ProductAnalytics.csv(model).contains("OMN-SER-001,Vitamin C Serum,Skincare,3,900.00,600.00,0.00,300.00,0.00,,,,90.00,,,0.00,"))
    }

    @Test("the Executive overview narrowed to a shop says that ad figures are every channel's, in both languages")
    func executiveScope() {
        var model = ExecutiveOverview.Model.mock
        model.shops = shops
        model.filters = model.filters.scoped(platform: .shopee, shopID: "822451903")
        let english = ExecutiveOverview.view(model, language: .en).render()
        #expect(MarkupCheck.tagProblem(english) == nil)
        #expect(english.contains("ad spend, CPA, CTR and CVR are every channel"))
        #expect(english.contains(#"<option value="shopee" selected>Shopee</option>"#))
        let thai = ExecutiveOverview.view(model, language: .th).render()
        #expect(thai.contains("จึงไม่แสดง ROAS"))
        model.filters = model.filters.unscoped
        #expect(!ExecutiveOverview.view(model, language: .en).render().contains("every channel"), "no note without a scope")
    }
}
