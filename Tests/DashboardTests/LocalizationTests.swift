@testable import Dashboard
import OmnidashCore
import Testing

/// The translation table: every key has an English and a Thai text, and the two agree on what they fill in.
@Suite("Localization")
struct LocalizationTests {
    /// Keys whose Thai text is the English one on purpose: an abbreviation Thai analysts use as it is.
    static let sameInBothLanguages: Set<TextKey> = [.sku, .jsonLink]

    @Test("every key has a non-empty text in every language", arguments: Language.allCases)
    func everyKeyHasAText(language: Language) {
        for key in TextKey.allCases {
            let text = language.text(key)
            #expect(!text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(key) has no \(language) text")
        }
    }

    @Test func englishAndThaiFillInTheSamePlaceholders() {
        for key in TextKey.allCases {
            let english = TextTemplate(key.translation.english).placeholders
            let thai = TextTemplate(key.translation.thai).placeholders
            #expect(Set(english) == Set(thai), "\(key): English fills \(english), Thai \(thai)")
        }
    }

    @Test func thaiIsWrittenInThaiNotCopiedFromEnglish() {
        for key in TextKey.allCases where !Self.sameInBothLanguages.contains(key) {
            let thai = key.translation.thai
            #expect(thai != key.translation.english, "\(key) is not translated")
            // A text that is only placeholders and punctuation (`{label} {value}, {change}`) has no words to translate.
            let englishWords = TextTemplate(key.translation.english).parts.contains {
                if case .literal(let text) = $0 { text.contains { $0.isLetter } } else { false }
            }
            guard englishWords else { continue }
            #expect(thai.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) }, "\(key) has no Thai letters: \(thai)")
        }
    }

    @Test func presetsKeepTheirCommandLineNamesInEnglish() {
        for preset in DateRangePreset.allCases {
            #expect(Language.en.text(preset.textKey) == preset.label)
        }
    }

    @Test func placeholdersAreFilledAndValuesAreNotReadAsPlaceholders() {
        #expect(Language.en.text(.noDataFor, ["range": "{range}"]) == "No data for {range}")
        #expect(Language.th.text(.noDataFor, ["range": "1 พ.ย. 2569"]) == "ไม่มีข้อมูลในช่วง 1 พ.ย. 2569")
        #expect(TextTemplate("a {b} {} {c d} {e").parts == [.literal("a "), .placeholder("b"), .literal(" {} {c d} {e")])
        let nodes = Language.th.markup(.noShopDataHowTo, ["command": .code { "omnidash sync --transform" }])
        #expect(HTMLNode.fragment(nodes).render().contains("รัน <code>omnidash sync --transform</code> หรือ"))
    }

    // MARK: Dates

    @Test func thaiDatesUseThaiMonthsAndTheBuddhistEra() {
        let december1 = BusinessDate("2026-12-01")!
        #expect(Format.date(december1, in: .th) == "1 ธ.ค. 2569")
        #expect(Format.shortDate(december1, in: .th) == "1 ธ.ค.")
        #expect(Format.monthAndYear(BusinessDate("2027-01-05")!, in: .th) == "ม.ค. 2570")
        #expect(Format.dateRange(DateRange(start: BusinessDate("2026-11-01")!, end: BusinessDate("2026-11-30")!), in: .th)
            == "1 พ.ย. – 30 พ.ย. 2569")
        #expect(Format.dateRange(DateRange(start: BusinessDate("2025-12-15")!, end: BusinessDate("2026-01-14")!), in: .th)
            == "15 ธ.ค. 2568 – 14 ม.ค. 2569")
        #expect(Format.timestamp("2026-11-25T06:30:00Z", in: .th) == "25 พ.ย. 2569 06:30 UTC")
        #expect(Format.timestamp("yesterday", in: .th) == "yesterday")
        // 30 Nov 2026 is a Monday: the week from Monday to Sunday.
        let week = (0..<7).map { Format.dayWithWeekday(BusinessDate("2026-11-30")!.adding(days: $0), in: .th) }
        #expect(week.map { String($0.prefix { $0 != " " }) } == ["จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."])
        #expect(week[6] == "อา. 6 ธ.ค. 2569")
        let months = (1...12).map { Format.monthName(BusinessDate(year: 2026, month: $0, day: 1)!, in: .th) }
        #expect(months == ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."])
    }

    @Test func englishDatesAreUnchanged() {
        #expect(Format.dayWithWeekday(BusinessDate("2026-11-01")!, in: .en) == "Sun 1 Nov 2026")
        #expect(Format.monthAndYear(BusinessDate("2026-01-01")!, in: .en) == "Jan 2026")
    }

    @Test func thaiChartAxesAndSummaries() {
        let start = BusinessDate("2026-01-01")!
        let dates = (0..<90).map { start.adding(days: $0) }
        let chart = LineChart(title: "ยอดขายรายวัน", dates: dates, series: [
            .init(name: "ยอดขาย", mark: .bars, valuesMinor: dates.map { _ in 100 }),
            .init(name: "ค่าโฆษณา", mark: .line, valuesMinor: dates.map { _ in 10 }),
        ], language: .th)
        #expect(chart.dateLabels.map(\.1) == ["ม.ค. 2569", "ก.พ.", "มี.ค."])
        #expect(chart.summary == "ยอดขายรายวัน, 1 ม.ค. – 31 มี.ค. 2569; ยอดขาย รวม ฿90.00; ค่าโฆษณา รวม ฿9.00")
        let html = chart.html.render()
        expectContains(html, "ค่าโฆษณา (แกนขวา)")
        expectContains(html, "<title>พฤ. 1 ม.ค. 2569\nยอดขาย ฿1.00\nค่าโฆษณา ฿0.10</title>")
    }

    @Test func thaiKPICardAndBadgeSentences() {
        let card = KPICard(KPIValue(key: "revenue", label: .revenue, current: .money(minor: 112_300), previous: .money(minor: 100_000),
                                    change: 0.123, polarity: .higherIsBetter), language: .th)
        #expect(card.accessibleText == "ยอดขาย ฿1,123.00 เพิ่มขึ้น 12.3\u{00A0}% จากช่วงก่อนหน้า (เดิม ฿1,000.00)")
        expectContains(card.html.render(), "<span class=\"kpi-previous\">เทียบกับ ฿1,000.00</span>")
        #expect(DeltaBadge(change: -0.25, polarity: .higherIsBetter, language: .th).sentence == "ลดลง 25.0\u{00A0}% จากช่วงก่อนหน้า")
        #expect(DeltaBadge(change: nil, polarity: .higherIsBetter, language: .th).sentence == "ไม่มีช่วงก่อนหน้าให้เปรียบเทียบ")
    }

    @Test func thaiDateRangeForm() {
        let filters = DashboardFilters(preset: .lastMonth, range: DateRangePreset.lastMonth.range(today: BusinessDate("2026-12-05")!)!)
        let form = DateRangeForm(filters: filters, action: .executive(filters), language: .th)
        #expect(form.summary == "1 พ.ย. – 30 พ.ย. 2569 เทียบกับ 2 ต.ค. – 31 ต.ค. 2569")
        let html = form.html.render()
        expectContains(html, "<strong>1 พ.ย. – 30 พ.ย. 2569</strong> เทียบกับ 2 ต.ค. – 31 ต.ค. 2569")
        expectContains(html, "value=\"last_month\" class=\"is-current\" aria-current=\"true\">เดือนที่แล้ว</button>")
        for label in ["เมื่อวาน", "7 วันที่ผ่านมา", "30 วันที่ผ่านมา", "เดือนนี้", "กำหนดเอง", "ตั้งแต่", "ถึง", "นำไปใช้"] {
            expectContains(html, label)
        }
    }

    // MARK: Choosing the language

    @Test(arguments: [
        ("th-TH,th;q=0.9,en;q=0.8", Language.th), ("th", .th), ("en-US,en;q=0.9,th;q=0.8", .en), ("en;q=0.5, th;q=0.7", .th),
        ("TH-th", .th), ("fr-FR,fr;q=0.9", nil), ("th;q=0, en", .en), ("*", nil), ("", nil), ("th;q=0.8,en;q=0.8", .th),
        ("en;q=0.8,th;q=0.8", .en), ("de, th;q=abc", nil),
    ] as [(String, Language?)])
    func acceptLanguage(header: String, expected: Language?) {
        #expect(LanguagePreference.negotiate(header) == expected, "\(header)")
    }

    @Test func theParameterWinsThenTheCookieThenTheBrowser() throws {
        let thai = "th-TH,th;q=0.9,en;q=0.8"
        #expect(try LanguagePreference(parameter: "en", cookie: "th", acceptLanguage: thai) == .init(language: .en, isFromParameter: true))
        #expect(try LanguagePreference(parameter: nil, cookie: "en", acceptLanguage: thai) == .init(language: .en, isFromParameter: false))
        #expect(try LanguagePreference(parameter: "", cookie: "th", acceptLanguage: nil).language == .th)
        #expect(try LanguagePreference(parameter: nil, cookie: "klingon", acceptLanguage: thai).language == .th)
        #expect(try LanguagePreference(parameter: nil, cookie: nil, acceptLanguage: nil).language == .en)
        #expect(throws: FilterError.self) { try LanguagePreference(parameter: "xx", cookie: nil, acceptLanguage: nil) }
    }

    @Test func anUnknownLanguageNamesTheAllowedValues() {
        do throws(FilterError) {
            _ = try Language(parameter: "fr")
            Issue.record("fr accepted")
        } catch {
            #expect(error.reason == "unknown language 'fr'; use one of en, th")
            #expect(error.subject == .language)
        }
    }

    @Test func theCookieIsSiteWideLaxAndLongLived() {
        let cookie = LanguagePreference(language: .th, isFromParameter: true).cookie
        #expect(cookie.name == "omnidash_lang" && cookie.value == "th")
        #expect(cookie.path == "/" && cookie.sameSite == .lax && cookie.httpOnly)
        #expect((cookie.maxAge ?? 0) >= 365 * 24 * 60 * 60)
    }
}
