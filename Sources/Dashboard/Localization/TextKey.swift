/// Every piece of text the dashboard's pages show, as a typed key into one translation table (`translation`).
///
/// A view never writes a visible word itself: it asks its `Language` for a key's text, so a label cannot exist in
/// one language only. The `switch` in `translation` is exhaustive, so a new key does not compile until it has its
/// English and its Thai text; `LocalizationTests` checks that neither is empty and that both name the same
/// `{placeholders}`. Product, shop and platform names, SKU codes and commands are data, not keys.
///
/// The raw value is the key's stable name (KPI labels are stored in `KPIValue`, which is `Codable`).
public enum TextKey: String, CaseIterable, Sendable, Hashable, Codable {
    // Layout
    case skipToContent, mainNavigation, languageSwitch, footer
    // Page titles
    case executiveOverviewTitle, shopPerformanceTitle, productAnalyticsTitle
    // Date range
    case dateRange, dateRangeSummary, presetRanges, presetYesterday, presetLast7Days, presetLast30Days, presetThisMonth
    case presetLastMonth, presetCustom, rangeFrom, rangeTo, apply
    // Marketplace and shop
    case marketplaceAndShop, marketplace, allMarketplaces, shop, allShops
    // KPI cards and changes
    case keyFigures, kpiSummary, kpiSummaryWithPrevious, versusPrevious
    case deltaNoComparison, deltaUnchanged, deltaUp, deltaDown
    // Figures
    case revenue, orders, units, aov, adSpend, roas, cpa, ctr, cvr, refundRate, refunds, costOfGoods, grossProfit
    case margin, cost, total, date
    // Settlement fees
    case marketplaceFees, profitAfterFees, marginAfterFees, awaitingSettlement, feesSettledNote, topProductsByProfitAfterFees
    case topProductsByUnits, noProductCosts, feesUnsettledRevenueNote
    // Charts and bars
    case shareOfTotal, legendLeftAxis, legendRightAxis, chartNoDays, chartSeriesTotal
    // Exports
    case downloadCSV, jsonLink
    // Executive overview
    case revenueByMarketplace, noMarketplaceRevenue, adSpendByPlatform, noAdSpend, dailyRevenueAndAdSpend, dailyFigures
    case adsCoverEveryChannel
    case noDataFor, noDataLoaded, noDataHowTo
    // Data freshness
    case dataFreshness, noSourceSynced, sourceSynced, sourceNeverSynced, lastRun
    case syncStatusRunning, syncStatusSucceeded, syncStatusFailed, syncStatusInterrupted
    // Shop performance
    case shopGrowth, dailyRevenueByMarketplace, noShopDataFor, noShopDataHowTo, shops, revenueMoM, revenueYoY, ordersMoM
    // Product analytics
    case noProductSalesFor, noProductDataHowTo, topProductsByRevenue, noProductRevenue, unmappedMarketplaceSKUs
    case products, rank, product, sku, category, otherMarketplaces, productDetail, allProducts
    case skusWithoutMaster, everySKUMapped, unmappedHowTo, unmappedSKUsAllDates, marketplaceSKU, suggestedMasterSKU
    case suggestionSameCode, suggestionSimilarName
    // Error page
    case statusBadRequest, statusNotFound, statusMethodNotAllowed, statusInternalServerError, statusOther
    case backToOverview, errorInvalidDates, errorInvalidScope, errorInvalidLanguage, errorNoPage, errorMethodNotAllowed
    case errorWarehouse
    // Filter errors (the reason after "The date range is not valid:")
    case errorUnknownPreset, errorCustomNeedsFrom, errorCustomNeedsTo, errorRangeEndsBeforeStart, errorRangeTooLong
    case errorOutsideWarehouse, errorComparisonTooEarly, errorComparisonTooEarlySingleDay, errorUnknownPlatform
    case errorNotAShopID, errorSKUTooLong, errorUnknownLanguage, errorNotAnAdID
    // Ads pages
    case adsOverviewTitle, facebookAdsTitle, googleAdsTitle, otherAdsTitle
    case impressions, clicks, conversions, conversionValue, cpc, cpm, mer, reach, videoViews, engagement
    case dailyBudget, budgetUtilization, status, statusGood, statusWarning, statusPoor
    case adPlatformAndAccount, adPlatform, allAdPlatforms, adAccount, allAdAccounts
    case adsByPlatform, dailySpendByPlatform, campaigns, campaign, adSets, adSet, ads, ad, keywords, keyword, matchType
    case ageAndGender, age, gender, allCampaigns, notReported, merNote, noAdDataFor, noAdDataHowTo
    case platformROAS, dailySpendAndValue, statusBySpend
    // Website analytics
    case websiteAnalyticsTitle, sessions, userDays, newUsers, returningUserDays, engagementRate, bounceRate, pagesPerSession
    case averageSessionDuration, transactions, conversionRate, websiteSourceExport, websiteSourceDataAPI, websiteSourceMixed
    case userDaysNote, sessionsByChannel, otherChannels, channelGroups, channelGroup, allChannels, trafficSources, sourceMedium
    case sessionShare, revenueShare, topPages, pagePath, pageTitle, pageviews, uniquePageviews, entrances, exits, exitRate
    case averageTimeOnPage, devices, device, countries, country, splitsCoverEveryChannel, noWebsiteDataFor, noWebsiteDataHowTo
    case errorNotAChannelGroup, sessionsChange, spendChange, largestRowsShown
    // Attribution
    case attributionTitle, platformClaimedValue, platformConversions, platformCPA, gaSessions, gaUserDays, gaTransactions
    case gaRevenue, gaROAS, gaCPA, marketplaceOrders, marketplaceRevenue, marketplaceROAS, marketplaceCPA, utmCampaign
    case matchMethod, matchByID, matchByIDHint, matchByName, matchByNameHint, noMatchHint, attributionLevelsNote
    case noAttributionFor, campaignsWithoutUTM, campaignsWithoutUTMNote, everyCampaignHasUTM, utmsWithoutCampaign
    case utmsWithoutCampaignNote, everyUTMHasCampaign, firstDate, lastDate
    // Operations
    case operationsTitle, syncRuns, syncRunsNote, noSyncRuns, source, account, stream, records, rejected, requests, retries
    case duration, started, errorColumn, lastSuccessfulSync, sinceLastSync, never, freshnessNote, provisionalDays, provisionalDaysNote
    case restatementWindow, provisionalFrom, dayCount, tokenExpiry, tokenExpiryNote, noStoredTokens, accessTokenExpires
    case authorizationExpires, authorizationNotStated
    case tokenRefreshed, expiresIn, tokenExpired, rawRejects, rawRejectsNote, noRawRejects, reason, count, lastRejected, examples
    case nextRuns, nextRunsNote, noNextRuns, job, scheduledAt, durationSeconds, durationMinutes, durationHours, durationDays
    // Sign-in
    case signInTitle, userName, password, signOut, signedInAs, signInRefused, signInThrottled, errorSignInRequired
    case errorFormExpired
    // Alerts
    case alertsTitle, alertsNote, alertStatus, alertStatusAll, alertStatusOpen, alertStatusAcknowledged, alertSeverity
    case alertSeverityAll, severityWarning, severityCritical, alertRule, alertRuleAll, alertPlatform, alertPlatformAll
    case applyFilters, noAlerts, noAlertsHowTo, alertProvisional, alertProvisionalHint, alertAcknowledgedBy, alertRaisedTimes
    case alertValue, alertThreshold, alertAgainstLastWeek, alertExplain, acknowledge, snooze, snoozeOneDay, snoozeThreeDays
    case snoozeSevenDays, alertSnoozedUntil, alertBusinessDate, alertSubject, alertOpen
    case alertTypeRoasLow, alertTypeRevenueDrop, alertTypeCpaHigh, alertTypeSourceStale, alertTypeSyncFailed, alertTypeTokenExpiring
    case alertTitleRoasLow, alertTitleRevenueDrop, alertTitleCpaHigh, alertTitleSourceStale, alertTitleSyncFailed
    case alertTitleTokenExpiring, errorUnknownAlertFilter, errorNoSuchAlert, alertSubjectTotal

    /// A key's text in each language.
    public struct Translation: Sendable, Hashable {
        public let english: String
        public let thai: String
    }

    /// The translation table: exactly one English and one Thai text per key, `{name}` marking a value filled in
    /// when the text is used. English is the dashboard's original wording; Thai is written as a Thai seller or agency
    /// analyst reads a report (ยอดขาย, คำสั่งซื้อ, ค่าโฆษณา), keeping the acronyms analysts use (ROAS, CTR, SKU) in
    /// brackets or as they are.
    public var translation: Translation {
        switch self {
        case .skipToContent: .init(english: "Skip to content", thai: "ข้ามไปยังเนื้อหา")
        case .mainNavigation: .init(english: "Main", thai: "เมนูหลัก")
        case .languageSwitch: .init(english: "Language", thai: "ภาษา")
        case .footer:
            .init(english: "{product} · amounts in Thai baht (THB) · dates in the reporting time zone",
                  thai: "{product} · จำนวนเงินเป็นบาท (THB) · วันที่ตามเขตเวลาของรายงาน")

        case .executiveOverviewTitle: .init(english: "Executive overview", thai: "ภาพรวมผู้บริหาร")
        case .shopPerformanceTitle: .init(english: "Shop performance", thai: "ผลงานร้านค้า")
        case .productAnalyticsTitle: .init(english: "Product analytics", thai: "วิเคราะห์สินค้า")

        case .dateRange: .init(english: "Date range", thai: "ช่วงวันที่")
        case .dateRangeSummary: .init(english: "{range}, compared with {comparison}", thai: "{range} เทียบกับ {comparison}")
        case .presetRanges: .init(english: "Preset ranges", thai: "ช่วงวันที่สำเร็จรูป")
        case .presetYesterday: .init(english: "Yesterday", thai: "เมื่อวาน")
        case .presetLast7Days: .init(english: "Last 7 days", thai: "7 วันที่ผ่านมา")
        case .presetLast30Days: .init(english: "Last 30 days", thai: "30 วันที่ผ่านมา")
        case .presetThisMonth: .init(english: "This month", thai: "เดือนนี้")
        case .presetLastMonth: .init(english: "Last month", thai: "เดือนที่แล้ว")
        case .presetCustom: .init(english: "Custom", thai: "กำหนดเอง")
        case .rangeFrom: .init(english: "From", thai: "ตั้งแต่")
        case .rangeTo: .init(english: "To", thai: "ถึง")
        case .apply: .init(english: "Apply", thai: "นำไปใช้")

        case .marketplaceAndShop: .init(english: "Marketplace and shop", thai: "มาร์เก็ตเพลสและร้านค้า")
        case .marketplace: .init(english: "Marketplace", thai: "มาร์เก็ตเพลส")
        case .allMarketplaces: .init(english: "All marketplaces", thai: "ทุกมาร์เก็ตเพลส")
        case .shop: .init(english: "Shop", thai: "ร้านค้า")
        case .allShops: .init(english: "All shops", thai: "ทุกร้านค้า")

        case .keyFigures: .init(english: "Key figures", thai: "ตัวเลขสำคัญ")
        case .kpiSummary: .init(english: "{label} {value}, {change}", thai: "{label} {value} {change}")
        case .kpiSummaryWithPrevious:
            .init(english: "{label} {value}, {change} ({previous})", thai: "{label} {value} {change} (เดิม {previous})")
        case .versusPrevious: .init(english: "vs {value}", thai: "เทียบกับ {value}")
        case .deltaNoComparison: .init(english: "no comparison with the previous period", thai: "ไม่มีช่วงก่อนหน้าให้เปรียบเทียบ")
        case .deltaUnchanged: .init(english: "unchanged vs previous period", thai: "ไม่เปลี่ยนแปลงจากช่วงก่อนหน้า")
        case .deltaUp: .init(english: "up {change} vs previous period", thai: "เพิ่มขึ้น {change} จากช่วงก่อนหน้า")
        case .deltaDown: .init(english: "down {change} vs previous period", thai: "ลดลง {change} จากช่วงก่อนหน้า")

        case .revenue: .init(english: "Revenue", thai: "ยอดขาย")
        case .orders: .init(english: "Orders", thai: "คำสั่งซื้อ")
        case .units: .init(english: "Units", thai: "จำนวนชิ้น")
        case .aov: .init(english: "AOV", thai: "มูลค่าเฉลี่ยต่อคำสั่งซื้อ")
        case .adSpend: .init(english: "Ad spend", thai: "ค่าโฆษณา")
        case .roas: .init(english: "ROAS", thai: "ผลตอบแทนค่าโฆษณา (ROAS)")
        case .cpa: .init(english: "CPA", thai: "ต้นทุนต่อคอนเวอร์ชัน (CPA)")
        case .ctr: .init(english: "CTR", thai: "อัตราการคลิก (CTR)")
        case .cvr: .init(english: "CVR", thai: "อัตราคอนเวอร์ชัน (CVR)")
        case .refundRate: .init(english: "Refund rate", thai: "อัตราการคืนสินค้า")
        case .refunds: .init(english: "Refunds", thai: "ยอดคืนเงิน")
        case .costOfGoods: .init(english: "Cost of goods", thai: "ต้นทุนสินค้า")
        case .grossProfit: .init(english: "Gross profit", thai: "กำไรขั้นต้น")
        case .margin: .init(english: "Margin", thai: "อัตรากำไร")
        case .cost: .init(english: "Cost", thai: "ต้นทุน")
        case .total: .init(english: "Total", thai: "รวม")
        case .date: .init(english: "Date", thai: "วันที่")

        case .marketplaceFees: .init(english: "Marketplace fees", thai: "ค่าธรรมเนียมแพลตฟอร์ม")
        case .profitAfterFees: .init(english: "Profit after fees", thai: "กำไรหลังหักค่าธรรมเนียม")
        case .marginAfterFees: .init(english: "Margin after fees", thai: "อัตรากำไรหลังหักค่าธรรมเนียม")
        case .awaitingSettlement: .init(english: "Awaiting settlement", thai: "รอการโอนเงิน")
        case .feesSettledNote:
            .init(english: "Fees are known once a marketplace settles an order: {count} orders in this range await settlement, so their fees are not deducted yet.",
                  thai: "ค่าธรรมเนียมจะทราบเมื่อแพลตฟอร์มโอนเงินของคำสั่งซื้อแล้ว: ในช่วงนี้มี {count} คำสั่งซื้อที่รอการโอนเงิน จึงยังไม่ได้หักค่าธรรมเนียมของคำสั่งซื้อเหล่านั้น")
        case .topProductsByProfitAfterFees: .init(english: "Top products by profit after fees", thai: "สินค้าที่ทำกำไรหลังหักค่าธรรมเนียมสูงสุด")
        case .feesUnsettledRevenueNote:
            .init(english: "Fees are known once a marketplace settles an order: {amount} of this range's revenue awaits settlement, so its fees are not deducted yet.",
                  thai: "ค่าธรรมเนียมจะทราบเมื่อแพลตฟอร์มโอนเงินของคำสั่งซื้อแล้ว: ยอดขาย {amount} ในช่วงนี้ยังรอการโอนเงิน จึงยังไม่ได้หักค่าธรรมเนียมของยอดขายนั้น")
        case .topProductsByUnits: .init(english: "Top products by units", thai: "สินค้าที่ขายได้จำนวนชิ้นสูงสุด")
        case .noProductCosts:
            .init(english: "No product in this period has a cost of goods: import the SKU map with costs to see profit.",
                  thai: "ยังไม่มีสินค้าในช่วงนี้ที่มีต้นทุนสินค้า: นำเข้าไฟล์ SKU พร้อมต้นทุนเพื่อดูกำไร")

        case .shareOfTotal: .init(english: "{share} of total", thai: "{share} ของทั้งหมด")
        case .legendLeftAxis: .init(english: "{series} (left axis)", thai: "{series} (แกนซ้าย)")
        case .legendRightAxis: .init(english: "{series} (right axis)", thai: "{series} (แกนขวา)")
        case .chartNoDays: .init(english: "no days", thai: "ไม่มีวันในช่วงนี้")
        case .chartSeriesTotal: .init(english: "{series} {total} in total", thai: "{series} รวม {total}")

        case .downloadCSV: .init(english: "Download CSV", thai: "ดาวน์โหลด CSV")
        case .jsonLink: .init(english: "JSON", thai: "JSON")

        case .revenueByMarketplace: .init(english: "Revenue by marketplace", thai: "ยอดขายแยกตามมาร์เก็ตเพลส")
        case .noMarketplaceRevenue:
            .init(english: "No marketplace revenue in this period.", thai: "ไม่มียอดขายจากมาร์เก็ตเพลสในช่วงนี้")
        case .adSpendByPlatform: .init(english: "Ad spend by platform", thai: "ค่าโฆษณาแยกตามแพลตฟอร์ม")
        case .noAdSpend: .init(english: "No ad spend in this period.", thai: "ไม่มีค่าโฆษณาในช่วงนี้")
        case .dailyRevenueAndAdSpend: .init(english: "Daily revenue and ad spend", thai: "ยอดขายและค่าโฆษณารายวัน")
        case .dailyFigures: .init(english: "Daily figures", thai: "ตัวเลขรายวัน")
        case .noDataFor: .init(english: "No data for {range}", thai: "ไม่มีข้อมูลในช่วง {range}")
        case .noDataLoaded:
            .init(english: "No orders, revenue or ad spend have been loaded for this period.",
                  thai: "ยังไม่มีข้อมูลคำสั่งซื้อ ยอดขาย หรือค่าโฆษณาสำหรับช่วงนี้")
        case .noDataHowTo:
            .init(english: "Run {sync} to fetch the latest data from your shops and ad accounts, then {transform} to rebuild "
                      + "the figures, or choose another date range.",
                  thai: "รัน {sync} เพื่อดึงข้อมูลล่าสุดจากร้านค้าและบัญชีโฆษณาของคุณ แล้วรัน {transform} เพื่อคำนวณตัวเลขใหม่ "
                      + "หรือเลือกช่วงวันที่อื่น")

        case .dataFreshness: .init(english: "Data freshness", thai: "ความสดใหม่ของข้อมูล")
        case .noSourceSynced: .init(english: "no source has synced yet.", thai: "ยังไม่มีแหล่งข้อมูลใดซิงก์สำเร็จ")
        case .sourceSynced: .init(english: "{source} synced {time}", thai: "{source} ซิงก์ล่าสุด {time}")
        case .sourceNeverSynced: .init(english: "{source} never synced", thai: "{source} ยังไม่เคยซิงก์")
        case .lastRun: .init(english: "; last run: {status}", thai: " · รอบล่าสุด: {status}")
        case .syncStatusRunning: .init(english: "running", thai: "กำลังทำงาน")
        case .syncStatusSucceeded: .init(english: "succeeded", thai: "สำเร็จ")
        case .syncStatusFailed: .init(english: "failed", thai: "ล้มเหลว")
        case .syncStatusInterrupted: .init(english: "interrupted", thai: "ถูกขัดจังหวะ")

        case .shopGrowth:
            .init(english: "Revenue {revenueMoM} against the same days a month before ({monthAgo}), {revenueYoY} against a "
                      + "year before ({yearAgo}); orders {ordersMoM} against a month before.",
                  thai: "ยอดขาย {revenueMoM} เมื่อเทียบกับวันเดียวกันของเดือนก่อน ({monthAgo}) และ {revenueYoY} "
                      + "เมื่อเทียบกับปีก่อน ({yearAgo}) · คำสั่งซื้อ {ordersMoM} เมื่อเทียบกับเดือนก่อน")
        case .dailyRevenueByMarketplace: .init(english: "Daily revenue by marketplace", thai: "ยอดขายรายวันแยกตามมาร์เก็ตเพลส")
        case .noShopDataFor: .init(english: "No shop data for {range}", thai: "ไม่มีข้อมูลร้านค้าในช่วง {range}")
        case .noShopDataHowTo:
            .init(english: "No orders have been loaded for these shops in this period. Run {command}, or choose another date "
                      + "range, marketplace or shop.",
                  thai: "ยังไม่มีข้อมูลคำสั่งซื้อของร้านค้าเหล่านี้ในช่วงนี้ รัน {command} หรือเลือกช่วงวันที่ มาร์เก็ตเพลส "
                      + "หรือร้านค้าอื่น")
        case .shops: .init(english: "Shops", thai: "ร้านค้า")
        case .revenueMoM: .init(english: "Revenue MoM", thai: "ยอดขายเทียบเดือนก่อน")
        case .revenueYoY: .init(english: "Revenue YoY", thai: "ยอดขายเทียบปีก่อน")
        case .ordersMoM: .init(english: "Orders MoM", thai: "คำสั่งซื้อเทียบเดือนก่อน")

        case .noProductSalesFor: .init(english: "No product sales for {range}", thai: "ไม่มียอดขายสินค้าในช่วง {range}")
        case .noProductDataHowTo:
            .init(english: "No orders have been loaded for this period. Run {command}, or choose another date range or "
                      + "marketplace.",
                  thai: "ยังไม่มีข้อมูลคำสั่งซื้อในช่วงนี้ รัน {command} หรือเลือกช่วงวันที่หรือมาร์เก็ตเพลสอื่น")
        case .topProductsByRevenue: .init(english: "Top products by revenue", thai: "สินค้าขายดีตามยอดขาย")
        case .noProductRevenue: .init(english: "No product revenue in this period.", thai: "ไม่มียอดขายสินค้าในช่วงนี้")
        case .unmappedMarketplaceSKUs: .init(english: "Unmapped marketplace SKUs", thai: "SKU มาร์เก็ตเพลสที่ยังไม่จับคู่")
        case .products: .init(english: "Products", thai: "สินค้า")
        case .rank: .init(english: "Rank", thai: "อันดับ")
        case .product: .init(english: "Product", thai: "สินค้า")
        case .sku: .init(english: "SKU", thai: "SKU")
        case .category: .init(english: "Category", thai: "หมวดหมู่")
        case .otherMarketplaces: .init(english: "Other", thai: "อื่น ๆ")
        case .productDetail: .init(english: "Product detail", thai: "รายละเอียดสินค้า")
        case .allProducts: .init(english: "All products", thai: "สินค้าทั้งหมด")
        case .adsCoverEveryChannel:
            .init(english: "Revenue, orders and units are for the marketplace or shop chosen; ad spend, CPA, CTR and CVR are every "
                      + "channel's, since ads are not tied to one marketplace, so ROAS is not shown.",
                  thai: "ยอดขาย คำสั่งซื้อ และจำนวนชิ้น เป็นของมาร์เก็ตเพลสหรือร้านค้าที่เลือก ส่วนค่าโฆษณา CPA CTR และ CVR เป็นของทุกช่องทาง "
                      + "เพราะโฆษณาไม่ได้ผูกกับมาร์เก็ตเพลสใดมาร์เก็ตเพลสหนึ่ง จึงไม่แสดง ROAS")
        case .skusWithoutMaster: .init(english: "Marketplace SKUs without a master SKU", thai: "SKU มาร์เก็ตเพลสที่ยังไม่มี SKU หลัก")
        case .everySKUMapped: .init(english: "Every SKU in the orders has a master SKU.", thai: "ทุก SKU ในคำสั่งซื้อมี SKU หลักแล้ว")
        case .unmappedHowTo:
            .init(english: "Their sales count under “{unmapped}” until the SKU map names them: add them to the map and run "
                      + "{command}.",
                  thai: "ยอดขายของ SKU เหล่านี้นับรวมอยู่ใน “{unmapped}” จนกว่าตารางจับคู่ SKU จะระบุไว้: "
                      + "เพิ่มลงในตารางแล้วรัน {command}")
        case .unmappedSKUsAllDates: .init(english: "Unmapped SKUs, all dates", thai: "SKU ที่ยังไม่จับคู่ ทุกช่วงวันที่")
        case .marketplaceSKU: .init(english: "Marketplace SKU", thai: "SKU มาร์เก็ตเพลส")
        case .suggestedMasterSKU: .init(english: "Suggested master SKU", thai: "SKU หลักที่แนะนำ")
        case .suggestionSameCode: .init(english: "same code", thai: "รหัสตรงกัน")
        case .suggestionSimilarName: .init(english: "similar name", thai: "ชื่อใกล้เคียง")

        case .statusBadRequest: .init(english: "Bad Request", thai: "คำขอไม่ถูกต้อง")
        case .statusNotFound: .init(english: "Not Found", thai: "ไม่พบหน้านี้")
        case .statusMethodNotAllowed: .init(english: "Method Not Allowed", thai: "ไม่รองรับวิธีการร้องขอนี้")
        case .statusInternalServerError: .init(english: "Internal Server Error", thai: "เกิดข้อผิดพลาดในเซิร์ฟเวอร์")
        case .statusOther: .init(english: "Error", thai: "เกิดข้อผิดพลาด")
        case .backToOverview: .init(english: "Back to the Executive overview", thai: "กลับไปที่ภาพรวมผู้บริหาร")
        case .errorInvalidDates: .init(english: "The date range is not valid: {reason}.", thai: "ช่วงวันที่ไม่ถูกต้อง: {reason}")
        case .errorInvalidScope:
            .init(english: "The marketplace, shop or product is not valid: {reason}.",
                  thai: "มาร์เก็ตเพลส ร้านค้า หรือสินค้าไม่ถูกต้อง: {reason}")
        case .errorInvalidLanguage: .init(english: "The language is not valid: {reason}.", thai: "ภาษาไม่ถูกต้อง: {reason}")
        case .errorNoPage: .init(english: "There is no page at {path}.", thai: "ไม่มีหน้าที่ {path}")
        case .errorMethodNotAllowed:
            .init(english: "{path} answers only {allowed}, not {method}.", thai: "{path} รับเฉพาะ {allowed} ไม่รับ {method}")
        case .errorWarehouse:
            .init(english: "Something went wrong reading the warehouse. The details are in the server log.",
                  thai: "เกิดข้อผิดพลาดขณะอ่านข้อมูลจากคลังข้อมูล ดูรายละเอียดได้ในบันทึกของเซิร์ฟเวอร์")

        case .errorUnknownPreset:
            .init(english: "unknown preset '{value}'; use one of {allowed}", thai: "ไม่รู้จักช่วงวันที่สำเร็จรูป '{value}' ใช้ได้เฉพาะ {allowed}")
        case .errorCustomNeedsFrom:
            .init(english: "custom range needs from=YYYY-MM-DD (got '{value}')",
                  thai: "ช่วงวันที่กำหนดเองต้องมี from=YYYY-MM-DD (ได้รับ '{value}')")
        case .errorCustomNeedsTo:
            .init(english: "custom range needs to=YYYY-MM-DD (got '{value}')",
                  thai: "ช่วงวันที่กำหนดเองต้องมี to=YYYY-MM-DD (ได้รับ '{value}')")
        case .errorRangeEndsBeforeStart:
            .init(english: "custom range ends ({to}) before it starts ({from})",
                  thai: "ช่วงวันที่กำหนดเองสิ้นสุด ({to}) ก่อนวันเริ่มต้น ({from})")
        case .errorRangeTooLong: .init(english: "custom range is longer than 366 days", thai: "ช่วงวันที่กำหนดเองยาวเกิน 366 วัน")
        case .errorOutsideWarehouse:
            .init(english: "{range} is outside the dates the warehouse holds; dates must be from {first} to {last}",
                  thai: "{range} อยู่นอกช่วงวันที่ที่คลังข้อมูลมี วันที่ต้องอยู่ระหว่าง {first} ถึง {last}")
        case .errorComparisonTooEarly:
            .init(english: "the comparison period would start on {start}, before {first}; dates must be from {first} to {last}, "
                      + "so a range of {count} days can start on {earliest} at the earliest",
                  thai: "ช่วงเปรียบเทียบจะเริ่มวันที่ {start} ซึ่งก่อน {first} วันที่ต้องอยู่ระหว่าง {first} ถึง {last} "
                      + "ช่วง {count} วันจึงเริ่มได้เร็วที่สุดวันที่ {earliest}")
        case .errorComparisonTooEarlySingleDay:
            .init(english: "the comparison period would start on {start}, before {first}; dates must be from {first} to {last}, "
                      + "so a range of 1 day can start on {earliest} at the earliest",
                  thai: "ช่วงเปรียบเทียบจะเริ่มวันที่ {start} ซึ่งก่อน {first} วันที่ต้องอยู่ระหว่าง {first} ถึง {last} "
                      + "ช่วง 1 วันจึงเริ่มได้เร็วที่สุดวันที่ {earliest}")
        case .errorUnknownPlatform:
            .init(english: "unknown platform '{value}'; use one of {allowed}", thai: "ไม่รู้จักแพลตฟอร์ม '{value}' ใช้ได้เฉพาะ {allowed}")
        case .errorNotAShopID: .init(english: "shop '{value}' is not a shop id", thai: "'{value}' ไม่ใช่รหัสร้านค้า")
        case .errorSKUTooLong: .init(english: "sku is longer than 128 characters", thai: "SKU ยาวเกิน 128 ตัวอักษร")
        case .errorUnknownLanguage:
            .init(english: "unknown language '{value}'; use one of {allowed}", thai: "ไม่รู้จักภาษา '{value}' ใช้ได้เฉพาะ {allowed}")
        case .errorNotAnAdID: .init(english: "{name} '{value}' is not an id", thai: "{name} '{value}' ไม่ใช่รหัสที่ถูกต้อง")

        case .adsOverviewTitle: .init(english: "Ads overview", thai: "ภาพรวมโฆษณา")
        case .facebookAdsTitle: .init(english: "Facebook Ads", thai: "โฆษณา Facebook")
        case .googleAdsTitle: .init(english: "Google Ads", thai: "โฆษณา Google")
        case .otherAdsTitle: .init(english: "TikTok & other ads", thai: "TikTok และโฆษณาอื่น ๆ")
        case .impressions: .init(english: "Impressions", thai: "การแสดงผล")
        case .clicks: .init(english: "Clicks", thai: "คลิก")
        case .conversions: .init(english: "Conversions", thai: "คอนเวอร์ชัน")
        case .conversionValue: .init(english: "Conversion value", thai: "มูลค่าคอนเวอร์ชัน")
        case .cpc: .init(english: "CPC", thai: "ต้นทุนต่อคลิก (CPC)")
        case .cpm: .init(english: "CPM", thai: "ต้นทุนต่อพันการแสดงผล (CPM)")
        case .mer: .init(english: "MER (blended)", thai: "MER (รวมทุกช่องทาง)")
        case .reach: .init(english: "Reach", thai: "การเข้าถึง")
        case .videoViews: .init(english: "Video views", thai: "การดูวิดีโอ")
        case .engagement: .init(english: "Engagement", thai: "การมีส่วนร่วม")
        case .dailyBudget: .init(english: "Daily budget", thai: "งบประมาณรายวัน")
        case .budgetUtilization: .init(english: "Budget used", thai: "ใช้งบไป")
        case .status: .init(english: "Status", thai: "สถานะ")
        case .statusGood: .init(english: "Good", thai: "ดี")
        case .statusWarning: .init(english: "Watch", thai: "เฝ้าระวัง")
        case .statusPoor: .init(english: "Poor", thai: "ต่ำกว่าเป้า")
        case .adPlatformAndAccount: .init(english: "Ad platform and account", thai: "แพลตฟอร์มและบัญชีโฆษณา")
        case .adPlatform: .init(english: "Ad platform", thai: "แพลตฟอร์มโฆษณา")
        case .allAdPlatforms: .init(english: "All ad platforms", thai: "ทุกแพลตฟอร์มโฆษณา")
        case .adAccount: .init(english: "Ad account", thai: "บัญชีโฆษณา")
        case .allAdAccounts: .init(english: "All ad accounts", thai: "ทุกบัญชีโฆษณา")
        case .adsByPlatform: .init(english: "By ad platform", thai: "แยกตามแพลตฟอร์มโฆษณา")
        case .dailySpendByPlatform: .init(english: "Daily ad spend by platform", thai: "ค่าโฆษณารายวันแยกตามแพลตฟอร์ม")
        case .campaigns: .init(english: "Campaigns", thai: "แคมเปญ")
        case .campaign: .init(english: "Campaign", thai: "แคมเปญ")
        case .adSets: .init(english: "Ad sets and ad groups", thai: "ชุดโฆษณาและกลุ่มโฆษณา")
        case .adSet: .init(english: "Ad set / ad group", thai: "ชุดโฆษณา / กลุ่มโฆษณา")
        case .ads: .init(english: "Ads", thai: "โฆษณา")
        case .ad: .init(english: "Ad", thai: "โฆษณา")
        case .keywords: .init(english: "Keywords", thai: "คีย์เวิร์ด")
        case .keyword: .init(english: "Keyword", thai: "คีย์เวิร์ด")
        case .matchType: .init(english: "Match type", thai: "ประเภทการจับคู่")
        case .ageAndGender: .init(english: "Age and gender", thai: "อายุและเพศ")
        case .age: .init(english: "Age", thai: "อายุ")
        case .gender: .init(english: "Gender", thai: "เพศ")
        case .allCampaigns: .init(english: "All campaigns", thai: "ทุกแคมเปญ")
        case .notReported: .init(english: "{platform} does not report this figure", thai: "{platform} ไม่ได้รายงานตัวเลขนี้")
        case .merNote:
            .init(english: "MER is all marketplace revenue ({revenue}) ÷ all ad spend ({spend}). The platforms together claim "
                      + "{claimed} of conversion value, {share} of what the shops sold.",
                  thai: "MER คือยอดขายทุกมาร์เก็ตเพลส ({revenue}) ÷ ค่าโฆษณาทั้งหมด ({spend}) แพลตฟอร์มโฆษณารวมกันอ้างมูลค่า"
                      + "คอนเวอร์ชัน {claimed} เท่ากับ {share} ของยอดขายจริง")
        case .noAdDataFor: .init(english: "No ad delivery for {range}", thai: "ไม่มีข้อมูลโฆษณาในช่วง {range}")
        case .noAdDataHowTo:
            .init(english: "Sync the ad platforms with {command}, then reload.", thai: "ซิงก์แพลตฟอร์มโฆษณาด้วย {command} แล้วโหลดหน้านี้ใหม่")
        case .platformROAS: .init(english: "Platform ROAS", thai: "ROAS ตามแพลตฟอร์ม")
        case .dailySpendAndValue:
            .init(english: "Daily spend and conversion value", thai: "ค่าโฆษณาและมูลค่าคอนเวอร์ชันรายวัน")
        case .statusBySpend:
            .init(english: "The status most of the campaign's spend had in these days, each day judged against the ROAS and CPA targets in omnidash.yaml",
                  thai: "สถานะของค่าใช้จ่ายส่วนใหญ่ของแคมเปญในช่วงนี้ โดยแต่ละวันเทียบกับเป้าหมาย ROAS และ CPA ใน omnidash.yaml")

        case .websiteAnalyticsTitle: .init(english: "Website analytics", thai: "วิเคราะห์เว็บไซต์")
        case .sessions: .init(english: "Sessions", thai: "เซสชัน")
        case .userDays: .init(english: "Users (per day)", thai: "ผู้ใช้ (นับรายวัน)")
        case .newUsers: .init(english: "New users", thai: "ผู้ใช้ใหม่")
        case .returningUserDays: .init(english: "Returning users (per day)", thai: "ผู้ใช้ที่กลับมา (นับรายวัน)")
        case .engagementRate: .init(english: "Engagement rate", thai: "อัตราการมีส่วนร่วม")
        case .bounceRate: .init(english: "Bounce rate", thai: "อัตราตีกลับ")
        case .pagesPerSession: .init(english: "Pages per session", thai: "หน้าต่อเซสชัน")
        case .averageSessionDuration: .init(english: "Avg. session duration (s)", thai: "ระยะเวลาเฉลี่ยต่อเซสชัน (วินาที)")
        case .transactions: .init(english: "Transactions", thai: "ธุรกรรม")
        case .conversionRate: .init(english: "Conversion rate", thai: "อัตราคอนเวอร์ชัน")
        case .websiteSourceExport:
            .init(english: "Figures from the GA4 BigQuery export: exact counts of every event.",
                  thai: "ตัวเลขจาก GA4 BigQuery export: นับจากทุกเหตุการณ์อย่างแม่นยำ")
        case .websiteSourceDataAPI:
            .init(english: "Figures from the GA4 Data API: GA4's own totals, which it may round or withhold (thresholding) to protect privacy.",
                  thai: "ตัวเลขจาก GA4 Data API: ยอดรวมที่ GA4 คำนวณเอง ซึ่งอาจปัดหรือซ่อนบางส่วนเพื่อปกป้องความเป็นส่วนตัว")
        case .websiteSourceMixed:
            .init(english: "Figures from the GA4 BigQuery export (exact counts) for {export}, and from the GA4 Data API (GA4's own totals, possibly thresholded) for {dataAPI}.",
                  thai: "ตัวเลขจาก GA4 BigQuery export (นับอย่างแม่นยำ) สำหรับ {export} และจาก GA4 Data API (ยอดรวมที่ GA4 คำนวณเอง อาจถูกซ่อนบางส่วน) สำหรับ {dataAPI}")
        case .userDaysNote:
            .init(english: "Users are counted once per day: over several days, a person who visits on three days counts three times, so the figure is higher than GA4's own user count for the range.",
                  thai: "ผู้ใช้นับวันละครั้ง: ในช่วงหลายวัน คนที่เข้าชม 3 วันจะนับเป็น 3 ครั้ง ตัวเลขจึงสูงกว่าจำนวนผู้ใช้ที่ GA4 นับให้ทั้งช่วง")
        case .sessionsByChannel: .init(english: "Daily sessions by channel group", thai: "เซสชันรายวันแยกตามกลุ่มช่องทาง")
        case .otherChannels: .init(english: "Other channels", thai: "ช่องทางอื่น ๆ")
        case .channelGroups: .init(english: "Channel groups", thai: "กลุ่มช่องทาง")
        case .channelGroup: .init(english: "Channel group", thai: "กลุ่มช่องทาง")
        case .allChannels: .init(english: "All channel groups", thai: "ทุกกลุ่มช่องทาง")
        case .trafficSources: .init(english: "Traffic sources", thai: "แหล่งที่มาของการเข้าชม")
        case .sourceMedium: .init(english: "Source / medium", thai: "แหล่งที่มา / สื่อ")
        case .sessionShare: .init(english: "Share of sessions", thai: "สัดส่วนเซสชัน")
        case .sessionsChange: .init(english: "Sessions vs previous period", thai: "เซสชันเทียบช่วงก่อนหน้า")
        case .spendChange: .init(english: "Spend vs previous period", thai: "ค่าโฆษณาเทียบช่วงก่อนหน้า")
        case .largestRowsShown:
            .init(english: "The {shown} largest of {count} rows, by sessions; the total covers them all, and the CSV lists them all.",
                  thai: "แสดง {shown} แถวที่มีเซสชันมากที่สุดจากทั้งหมด {count} แถว ยอดรวมนับทุกแถว และไฟล์ CSV มีครบทุกแถว")
        case .revenueShare: .init(english: "Share of revenue", thai: "สัดส่วนยอดขาย")
        case .topPages: .init(english: "Top pages", thai: "หน้าที่มีผู้เข้าชมสูงสุด")
        case .pagePath: .init(english: "Page", thai: "หน้า")
        case .pageTitle: .init(english: "Title", thai: "ชื่อหน้า")
        case .pageviews: .init(english: "Page views", thai: "การดูหน้า")
        case .uniquePageviews: .init(english: "Unique page views", thai: "การดูหน้าแบบไม่ซ้ำ")
        case .entrances: .init(english: "Entrances", thai: "การเข้าสู่หน้าแรก")
        case .exits: .init(english: "Exits", thai: "การออก")
        case .exitRate: .init(english: "Exit rate", thai: "อัตราการออก")
        case .averageTimeOnPage: .init(english: "Avg. time on page (s)", thai: "เวลาเฉลี่ยบนหน้า (วินาที)")
        case .devices: .init(english: "Devices", thai: "อุปกรณ์")
        case .device: .init(english: "Device", thai: "อุปกรณ์")
        case .countries: .init(english: "Countries", thai: "ประเทศ")
        case .country: .init(english: "Country", thai: "ประเทศ")
        case .splitsCoverEveryChannel:
            .init(english: "Devices and countries cover every channel group.", thai: "อุปกรณ์และประเทศรวมทุกกลุ่มช่องทาง")
        case .noWebsiteDataFor: .init(english: "No website data for {range}", thai: "ไม่มีข้อมูลเว็บไซต์ในช่วง {range}")
        case .noWebsiteDataHowTo:
            .init(english: "Sync GA4 with {command}, import the BigQuery export with {import}, or choose another date range.",
                  thai: "ซิงก์ GA4 ด้วย {command} นำเข้าข้อมูล BigQuery export ด้วย {import} หรือเลือกช่วงวันที่อื่น")
        case .errorNotAChannelGroup:
            .init(english: "channel '{value}' is not a channel group name", thai: "'{value}' ไม่ใช่ชื่อกลุ่มช่องทาง")

        case .attributionTitle: .init(english: "Attribution", thai: "การระบุที่มาของยอดขาย")
        case .platformClaimedValue: .init(english: "Platform-claimed value", thai: "มูลค่าที่แพลตฟอร์มอ้าง")
        case .platformConversions: .init(english: "Platform conversions", thai: "คอนเวอร์ชันตามแพลตฟอร์ม")
        case .platformCPA: .init(english: "Platform CPA", thai: "CPA ตามแพลตฟอร์ม")
        case .gaSessions: .init(english: "GA4 sessions", thai: "เซสชัน GA4")
        case .gaUserDays: .init(english: "GA4 users (per day)", thai: "ผู้ใช้ GA4 (นับรายวัน)")
        case .gaTransactions: .init(english: "GA4 transactions", thai: "ธุรกรรม GA4")
        case .gaRevenue: .init(english: "GA4 revenue", thai: "ยอดขาย GA4")
        case .gaROAS: .init(english: "GA4 ROAS", thai: "ROAS ตาม GA4")
        case .gaCPA: .init(english: "GA4 CPA", thai: "CPA ตาม GA4")
        case .marketplaceOrders: .init(english: "Marketplace orders", thai: "คำสั่งซื้อมาร์เก็ตเพลส")
        case .marketplaceRevenue: .init(english: "Marketplace revenue", thai: "ยอดขายมาร์เก็ตเพลส")
        case .marketplaceROAS: .init(english: "Marketplace ROAS", thai: "ROAS ตามมาร์เก็ตเพลส")
        case .marketplaceCPA: .init(english: "Marketplace CPA", thai: "CPA ตามมาร์เก็ตเพลส")
        case .utmCampaign: .init(english: "UTM campaign", thai: "แคมเปญใน UTM")
        case .matchMethod: .init(english: "Matched by", thai: "จับคู่ด้วย")
        case .matchByID: .init(english: "id", thai: "รหัส")
        case .matchByIDHint:
            .init(english: "Sessions matched on the campaign id their UTM carries", thai: "จับคู่เซสชันด้วยรหัสแคมเปญที่อยู่ใน UTM")
        case .matchByName: .init(english: "name", thai: "ชื่อ")
        case .matchByNameHint:
            .init(english: "Sessions matched on the UTM campaign name against the campaign's name, ignoring case and spacing",
                  thai: "จับคู่เซสชันด้วยชื่อแคมเปญใน UTM กับชื่อแคมเปญ โดยไม่สนตัวพิมพ์และช่องว่าง")
        case .noMatchHint:
            .init(english: "The campaign's ads carry no UTM that GA4 sessions could be matched on",
                  thai: "โฆษณาของแคมเปญนี้ไม่มี UTM ที่ใช้จับคู่กับเซสชัน GA4 ได้")
        case .attributionLevelsNote:
            .init(english: "The three ROAS count different things. Platform ROAS is the value the ad platform claims for its own ads, by "
                      + "its own attribution window, view-throughs included, so two platforms can claim the same sale. GA4 ROAS counts "
                      + "website purchases in sessions whose UTM matches the campaign (GA4's last non-direct click). Marketplace ROAS counts "
                      + "only the marketplace orders whose order id a GA4 purchase recorded: sales that really happened. Each is usually "
                      + "lower than the one before.",
                  thai: "ROAS ทั้งสามแบบนับต่างกัน ROAS ตามแพลตฟอร์มคือมูลค่าที่แพลตฟอร์มโฆษณาอ้างให้โฆษณาของตัวเอง ตามช่วงเวลาระบุที่มาของแพลตฟอร์มเอง "
                      + "รวมการเห็นโฆษณาโดยไม่คลิก สองแพลตฟอร์มจึงอาจอ้างยอดขายเดียวกันได้ ROAS ตาม GA4 นับการซื้อบนเว็บไซต์ในเซสชันที่ UTM ตรงกับแคมเปญ "
                      + "(คลิกสุดท้ายที่ไม่ใช่การเข้าตรงตามหลักของ GA4) ROAS ตามมาร์เก็ตเพลสนับเฉพาะคำสั่งซื้อในมาร์เก็ตเพลสที่ GA4 บันทึกเลขคำสั่งซื้อไว้ "
                      + "ซึ่งเป็นยอดขายที่เกิดขึ้นจริง ตัวเลขแต่ละแบบจึงมักต่ำกว่าแบบก่อนหน้า")
        case .noAttributionFor: .init(english: "No attributed campaigns for {range}", thai: "ไม่มีข้อมูลการระบุที่มาของแคมเปญในช่วง {range}")
        case .campaignsWithoutUTM: .init(english: "Campaigns without a matchable UTM", thai: "แคมเปญที่ไม่มี UTM ให้จับคู่")
        case .campaignsWithoutUTMNote:
            .init(english: "These campaigns spent, but their ads carry no UTM that GA4 sessions could be matched on, so GA4 and marketplace ROAS cannot be measured: add UTM parameters to their links. All synced dates.",
                  thai: "แคมเปญเหล่านี้มีค่าใช้จ่าย แต่โฆษณาไม่มี UTM ที่ใช้จับคู่กับเซสชัน GA4 จึงวัด ROAS ตาม GA4 และตามมาร์เก็ตเพลสไม่ได้ "
                      + "ควรเพิ่มพารามิเตอร์ UTM ในลิงก์ ข้อมูลทุกวันที่ซิงก์แล้ว")
        case .everyCampaignHasUTM:
            .init(english: "Every campaign that spent carries a UTM GA4 can match.", thai: "ทุกแคมเปญที่มีค่าใช้จ่ายมี UTM ที่ GA4 จับคู่ได้")
        case .utmsWithoutCampaign: .init(english: "UTM campaigns without an ad campaign", thai: "แคมเปญใน UTM ที่ไม่ตรงกับแคมเปญโฆษณาใด")
        case .utmsWithoutCampaignNote:
            .init(english: "Sessions arrived with these UTM campaigns, but no ad campaign matches them: a misspelt UTM, or traffic that is not from ads (e-mail, LINE OA, influencers). All synced dates.",
                  thai: "มีเซสชันเข้ามาพร้อมแคมเปญใน UTM เหล่านี้ แต่ไม่ตรงกับแคมเปญโฆษณาใดเลย อาจสะกด UTM ผิด หรือเป็นการเข้าชมที่ไม่ได้มาจากโฆษณา "
                      + "(อีเมล บัญชีทางการ อินฟลูเอนเซอร์) ข้อมูลทุกวันที่ซิงก์แล้ว")
        case .everyUTMHasCampaign:
            .init(english: "Every UTM campaign in the sessions matches an ad campaign.", thai: "ทุกแคมเปญใน UTM ของเซสชันตรงกับแคมเปญโฆษณา")
        case .firstDate: .init(english: "First seen", thai: "พบครั้งแรก")
        case .lastDate: .init(english: "Last seen", thai: "พบครั้งล่าสุด")

        case .operationsTitle: .init(english: "Operations", thai: "การทำงานของระบบ")
        case .syncRuns: .init(english: "Sync runs", thai: "การซิงก์ข้อมูล")
        case .syncRunsNote:
            .init(english: "The latest run of each stream of each account; a failed stream says why.",
                  thai: "รอบล่าสุดของแต่ละสตรีมในแต่ละบัญชี สตรีมที่ล้มเหลวจะแสดงสาเหตุ")
        case .noSyncRuns: .init(english: "No sync has run yet: run {command}.", thai: "ยังไม่เคยซิงก์ข้อมูล โปรดสั่ง {command}")
        case .source: .init(english: "Source", thai: "แหล่งข้อมูล")
        case .account: .init(english: "Account", thai: "บัญชี")
        case .stream: .init(english: "Stream", thai: "สตรีม")
        case .records: .init(english: "Records", thai: "จำนวนระเบียน")
        case .rejected: .init(english: "Rejected", thai: "ถูกปฏิเสธ")
        case .requests: .init(english: "Requests", thai: "คำขอ")
        case .retries: .init(english: "Retries", thai: "ลองใหม่")
        case .duration: .init(english: "Duration", thai: "ระยะเวลา")
        case .started: .init(english: "Started", thai: "เริ่มเมื่อ")
        case .errorColumn: .init(english: "Error", thai: "ข้อผิดพลาด")
        case .lastSuccessfulSync: .init(english: "Last successful sync", thai: "ซิงก์สำเร็จล่าสุด")
        case .sinceLastSync: .init(english: "Since", thai: "ผ่านมาแล้ว")
        case .never: .init(english: "never", thai: "ยังไม่เคย")
        case .freshnessNote:
            .init(english: "How long ago each source last synced without a failure, at {time}.",
                  thai: "แต่ละแหล่งข้อมูลซิงก์สำเร็จครั้งล่าสุดนานเท่าใด ณ {time}")
        case .provisionalDays: .init(english: "Provisional days", thai: "วันที่ตัวเลขยังไม่นิ่ง")
        case .provisionalDaysNote:
            .init(english: "A platform restates these days (late conversions, status changes): their figures may still change, and alerts on them are marked provisional.",
                  thai: "แพลตฟอร์มยังปรับตัวเลขของวันเหล่านี้ได้ (คอนเวอร์ชันที่มาช้า สถานะที่เปลี่ยน) ตัวเลขจึงอาจเปลี่ยนอีก และการแจ้งเตือนของวันเหล่านี้จะระบุว่าเป็นค่าชั่วคราว")
        case .restatementWindow: .init(english: "Restatement window", thai: "ช่วงปรับตัวเลขย้อนหลัง")
        case .provisionalFrom: .init(english: "Provisional since", thai: "ชั่วคราวตั้งแต่")
        case .dayCount: .init(english: "{count} days", thai: "{count} วัน")
        case .tokenExpiry: .init(english: "Token expiry", thai: "วันหมดอายุโทเค็น")
        case .tokenExpiryNote:
            .init(english: "Access tokens obtained at run time; each refreshes itself before it expires. The authorization does not: before it ends, the seller must authorize the app again.",
                  thai: "โทเค็นเข้าถึงที่ได้มาระหว่างทำงาน แต่ละโทเค็นจะต่ออายุเองก่อนหมดอายุ แต่สิทธิ์การเชื่อมต่อไม่ต่ออายุเอง ผู้ขายต้องอนุญาตแอปอีกครั้งก่อนสิทธิ์สิ้นสุด")
        case .noStoredTokens:
            .init(english: "No token is stored: the sources sign each request, or have not synced yet.",
                  thai: "ไม่มีโทเค็นที่จัดเก็บไว้ แหล่งข้อมูลลงนามทุกคำขอเอง หรือยังไม่เคยซิงก์")
        case .accessTokenExpires: .init(english: "Access token expires", thai: "โทเค็นเข้าถึงหมดอายุ")
        case .authorizationExpires: .init(english: "Authorization ends", thai: "สิทธิ์การเชื่อมต่อสิ้นสุด")
        case .authorizationNotStated: .init(english: "not stated", thai: "ไม่ระบุ")
        case .tokenRefreshed: .init(english: "Refreshed", thai: "ต่ออายุล่าสุด")
        case .expiresIn: .init(english: "Expires in", thai: "หมดอายุในอีก")
        case .tokenExpired: .init(english: "expired", thai: "หมดอายุแล้ว")
        case .rawRejects: .init(english: "Rejected records", thai: "ระเบียนที่ถูกปฏิเสธ")
        case .rawRejectsNote:
            .init(english: "Records a sync could not read or that failed validation, by source and reason; the sync went on without them.",
                  thai: "ระเบียนที่อ่านไม่ได้หรือไม่ผ่านการตรวจสอบ แยกตามแหล่งข้อมูลและสาเหตุ การซิงก์ดำเนินต่อโดยไม่มีระเบียนเหล่านี้")
        case .noRawRejects: .init(english: "No record has been rejected.", thai: "ไม่มีระเบียนที่ถูกปฏิเสธ")
        case .reason: .init(english: "Reason", thai: "สาเหตุ")
        case .count: .init(english: "Count", thai: "จำนวน")
        case .lastRejected: .init(english: "Last rejected", thai: "ปฏิเสธล่าสุด")
        case .examples: .init(english: "Examples", thai: "ตัวอย่าง")
        case .nextRuns: .init(english: "Next scheduled runs", thai: "รอบที่กำหนดไว้ถัดไป")
        case .nextRunsNote:
            .init(english: "The timetable {command} keeps, from the schedule in the configuration.",
                  thai: "ตารางเวลาที่ {command} ทำงานตาม จากส่วน schedule ในการตั้งค่า")
        case .noNextRuns: .init(english: "Nothing is scheduled.", thai: "ไม่มีงานที่กำหนดเวลาไว้")
        case .job: .init(english: "Job", thai: "งาน")
        case .scheduledAt: .init(english: "When", thai: "เวลา")
        case .durationSeconds: .init(english: "{seconds} s", thai: "{seconds} วินาที")
        case .durationMinutes: .init(english: "{minutes} min {seconds} s", thai: "{minutes} นาที {seconds} วินาที")
        case .durationHours: .init(english: "{hours} h {minutes} min", thai: "{hours} ชม. {minutes} นาที")
        case .durationDays: .init(english: "{days} d {hours} h", thai: "{days} วัน {hours} ชม.")

        case .signInTitle: .init(english: "Sign in", thai: "เข้าสู่ระบบ")
        case .userName: .init(english: "User name", thai: "ชื่อผู้ใช้")
        case .password: .init(english: "Password", thai: "รหัสผ่าน")
        case .signOut: .init(english: "Sign out", thai: "ออกจากระบบ")
        case .signedInAs: .init(english: "Signed in as {name}", thai: "เข้าสู่ระบบในชื่อ {name}")
        case .signInRefused: .init(english: "The user name or password is wrong.", thai: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
        case .signInThrottled:
            .init(english: "Too many failed attempts: try again in {seconds} seconds.",
                  thai: "ลองผิดหลายครั้งเกินไป โปรดลองอีกครั้งใน {seconds} วินาที")
        case .errorSignInRequired: .init(english: "Sign in to see {path}.", thai: "โปรดเข้าสู่ระบบเพื่อดู {path}")
        case .errorFormExpired:
            .init(english: "The form has expired or did not come from this dashboard: reload the page and try again.",
                  thai: "แบบฟอร์มหมดอายุหรือไม่ได้มาจากแดชบอร์ดนี้ โปรดโหลดหน้าใหม่แล้วลองอีกครั้ง")

        case .alertsTitle: .init(english: "Alerts", thai: "การแจ้งเตือน")
        case .alertsNote:
            .init(english: "Rules judged after every transform and each morning; an alert is raised again only when its figure gets worse.",
                  thai: "กฎจะถูกตรวจหลังการแปลงข้อมูลทุกครั้งและทุกเช้า การแจ้งเตือนจะถูกส่งซ้ำเฉพาะเมื่อตัวเลขแย่ลง")
        case .alertStatus: .init(english: "Status", thai: "สถานะ")
        case .alertStatusAll: .init(english: "Open and acknowledged", thai: "ทั้งที่เปิดอยู่และรับทราบแล้ว")
        case .alertStatusOpen: .init(english: "Open", thai: "เปิดอยู่")
        case .alertStatusAcknowledged: .init(english: "Acknowledged", thai: "รับทราบแล้ว")
        case .alertSeverity: .init(english: "Severity", thai: "ความรุนแรง")
        case .alertSeverityAll: .init(english: "Any severity", thai: "ทุกระดับ")
        case .severityWarning: .init(english: "Warning", thai: "เตือน")
        case .severityCritical: .init(english: "Critical", thai: "วิกฤต")
        case .alertRule: .init(english: "Rule", thai: "กฎ")
        case .alertRuleAll: .init(english: "Every rule", thai: "ทุกกฎ")
        case .alertPlatform: .init(english: "Platform", thai: "แพลตฟอร์ม")
        case .alertPlatformAll: .init(english: "Every platform", thai: "ทุกแพลตฟอร์ม")
        case .applyFilters: .init(english: "Apply", thai: "ใช้ตัวกรอง")
        case .noAlerts: .init(english: "No alert matches these filters.", thai: "ไม่มีการแจ้งเตือนที่ตรงกับตัวกรองนี้")
        case .noAlertsHowTo:
            .init(english: "Alerts are judged after each transform; {command} judges them now.",
                  thai: "ระบบตรวจการแจ้งเตือนหลังการแปลงข้อมูลทุกครั้ง สั่ง {command} เพื่อตรวจทันที")
        case .alertProvisional: .init(english: "Provisional", thai: "ค่าชั่วคราว")
        case .alertProvisionalHint:
            .init(english: "The platform still restates this day: the figure may change.",
                  thai: "แพลตฟอร์มยังปรับตัวเลขของวันนี้อยู่ ตัวเลขอาจเปลี่ยนได้")
        case .alertAcknowledgedBy: .init(english: "Acknowledged by {name}, {time}", thai: "{name} รับทราบแล้ว {time}")
        case .alertRaisedTimes: .init(english: "Raised {count} times", thai: "แจ้งแล้ว {count} ครั้ง")
        case .alertValue: .init(english: "Value", thai: "ค่า")
        case .alertThreshold: .init(english: "Threshold", thai: "เกณฑ์")
        case .alertAgainstLastWeek: .init(english: "Against the same weekday last week", thai: "เทียบกับวันเดียวกันสัปดาห์ก่อน")
        case .alertExplain: .init(english: "See the figures", thai: "ดูตัวเลข")
        case .acknowledge: .init(english: "Acknowledge", thai: "รับทราบ")
        case .snooze: .init(english: "Snooze", thai: "เลื่อนการแจ้ง")
        case .snoozeOneDay: .init(english: "1 day", thai: "1 วัน")
        case .snoozeThreeDays: .init(english: "3 days", thai: "3 วัน")
        case .snoozeSevenDays: .init(english: "7 days", thai: "7 วัน")
        case .alertSnoozedUntil: .init(english: "Snoozed until {time}", thai: "เลื่อนการแจ้งถึง {time}")
        case .alertBusinessDate: .init(english: "Day", thai: "วันที่")
        case .alertSubject: .init(english: "About", thai: "เรื่อง")
        case .alertOpen: .init(english: "Open", thai: "เปิดอยู่")
        case .alertSubjectTotal: .init(english: "All shops together", thai: "ทุกร้านค้ารวมกัน")
        case .alertTypeRoasLow: .init(english: "Low ROAS", thai: "ROAS ต่ำ")
        case .alertTypeRevenueDrop: .init(english: "Revenue drop", thai: "รายได้ลดลง")
        case .alertTypeCpaHigh: .init(english: "High CPA", thai: "CPA สูง")
        case .alertTypeSourceStale: .init(english: "Stale source", thai: "ข้อมูลไม่อัปเดต")
        case .alertTypeSyncFailed: .init(english: "Failed sync", thai: "ซิงก์ล้มเหลว")
        case .alertTypeTokenExpiring: .init(english: "Authorization ending", thai: "สิทธิ์การเชื่อมต่อใกล้สิ้นสุด")
        case .alertTitleRoasLow:
            .init(english: "ROAS {value}, below {threshold}", thai: "ROAS {value} ต่ำกว่า {threshold}")
        case .alertTitleRevenueDrop:
            .init(english: "Revenue {change} against the day before", thai: "รายได้ {change} เทียบกับวันก่อนหน้า")
        case .alertTitleCpaHigh:
            .init(english: "CPA {value}, above {threshold}", thai: "CPA {value} สูงกว่า {threshold}")
        case .alertTitleSourceStale:
            .init(english: "No successful sync for {hours} hours", thai: "ไม่ได้ซิงก์สำเร็จมา {hours} ชั่วโมง")
        case .alertTitleSyncFailed: .init(english: "The last {count} runs failed", thai: "{count} รอบล่าสุดล้มเหลว")
        case .alertTitleTokenExpiring: .init(english: "The token expires in {days} days", thai: "โทเค็นจะหมดอายุในอีก {days} วัน")
        case .errorUnknownAlertFilter:
            .init(english: "unknown {name} '{value}'; use one of {allowed}", thai: "ไม่รู้จัก {name} '{value}' ใช้ได้เฉพาะ {allowed}")
        case .errorNoSuchAlert:
            .init(english: "no alert has the id '{value}'", thai: "ไม่มีการแจ้งเตือนรหัส '{value}'")
        }
    }
}
