import Foundation
import OmnidashCore
import Testing

@Suite("LINE Ads settings")
struct LineAdsSettingsTests {
    @Test func defaultsAndProblemsNameTheirKeys() throws {
        let json = #"{"access_key":"k","secret_key":"s","ad_account_ids":["A12345678901","12345"],"report_levels":["ad","keyword"],"lookback_days":0}"#
        let settings = try JSONDecoder().decode(LineAdsSettings.self, from: Data(json.utf8))
        #expect(settings.baseURL == "https://ads.line.me" && settings.rateLimit == LineAdsSettings.defaultRateLimit)
        #expect(settings.problems(at: "sources.line") == [
            "sources.line.ad_account_ids[1]: '12345' is not a LINE ad account id (A followed by digits)",
            "sources.line.lookback_days: must be 1…90",
            "sources.line.report_levels: 'keyword' is not one of campaign, adgroup, ad",
        ])
        let fine = LineAdsSettings(accessKey: "k", secretKey: "s", adAccountIDs: ["A1"])
        #expect(fine.problems(at: "sources.line").isEmpty && fine.reportLevels == ["campaign", "adgroup", "ad"])
        #expect(Platform.lineAds.settingsType == LineAdsSettings.self)
    }
}
