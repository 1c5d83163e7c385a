import Foundation
import OmnidashCore
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test func environmentReferencesResolveAndMissingOnesAreNamed() throws {
        let environment = ["SHOPEE_PARTNER_KEY": "shpk:with#odd chars", "HOST": "api.example.com"]
        #expect(try EnvironmentInterpolation.expand("${SHOPEE_PARTNER_KEY}", environment: environment, location: "x") == "shpk:with#odd chars")
        #expect(try EnvironmentInterpolation.expand("https://${HOST}/v2", environment: environment, location: "x") == "https://api.example.com/v2")
        #expect(throws: ConfigurationError(["omnidash.yaml:7: secrets.pii_key: environment variable OMNIDASH_PII_KEY is not set"])) {
            try EnvironmentInterpolation.expand("${OMNIDASH_PII_KEY}", environment: environment, location: "omnidash.yaml:7: secrets.pii_key")
        }
    }

    @Test func validationListsEveryProblemAtOnce() {
        var configuration = OmnidashConfiguration(timezone: "Mars/Olympus")
        configuration.sources[FacebookAdsSettings.self] = .init(accessToken: "", accounts: [], lookbackDays: 40)
        do {
            try configuration.validate(requiringSources: true)
            Issue.record("an invalid configuration passed validation")
        } catch {
            let text = error.description
            for expected in ["timezone", "secrets.pii_key", "secrets.token_key", "access_token", "accounts", "lookback_days"] {
                #expect(text.contains(expected), "the error should name \(expected): \(text)")
            }
        }
    }

    @Test func aCompleteConfigurationIsValid() throws {
        let configuration = OmnidashConfiguration(
            secrets: .init(piiKey: "0123456789abcdef", tokenKey: "fedcba9876543210"),
            sources: ConfiguredSources([ShopeeSettings(partnerID: 1, partnerKey: "key", shops: [.init(shopID: 2, refreshToken: "r")])]))
        try configuration.validate(requiringSources: true)
    }

    @Test func everySourceSectionDecodesThroughItsRegisteredTypeAndAnUnknownOneIsNamed() throws {
        let json = #"""
        {"sources": {"lazada": {"app_key": "100132", "app_secret": "s", "sellers": [{"seller_id": 7, "refresh_token": "r"}]},
                     "shopee": {"partner_id": 1, "partner_key": "k", "shops": [{"shop_id": 2}]}}}
        """#
        let configuration = try JSONDecoder().decode(OmnidashConfiguration.self, from: Data(json.utf8))
        #expect(configuration.sources.platforms == [.shopee, .lazada])
        let lazada = try #require(configuration.sources[LazadaSettings.self])
        #expect(lazada.baseURL == "https://api.lazada.co.th/rest" && lazada.authURL == "https://auth.lazada.com/rest")
        #expect(lazada.accountIDs == ["7"])
        // A section round-trips, so the tests' configuration files say what the code holds.
        let again = try JSONDecoder().decode(OmnidashConfiguration.self, from: try JSONEncoder().encode(configuration))
        #expect(again == configuration)

        let tiktokJSON = #"{"sources": {"tiktok": {"app_key": "38abcd", "app_secret": "s", "shops": [{"shop_id": "7494061285019470123"}]}}}"#
        let tiktok = try #require(try JSONDecoder().decode(OmnidashConfiguration.self, from: Data(tiktokJSON.utf8)).sources[TikTokShopSettings.self])
        #expect(tiktok.authURL == "https://auth.tiktok-shops.com" && tiktok.accountIDs == ["7494061285019470123"])
        #expect(TikTokShopSettings(appKey: "k", appSecret: "s", shops: [.init(shopID: "shop-1", refreshToken: nil)]).problems(at: "sources.tiktok")
                == ["sources.tiktok.shops[0].shop_id: 'shop-1' is not a TikTok Shop id (digits)"])

        let typo = #"{"sources": {"lazda": {}}}"#
        #expect {
            try JSONDecoder().decode(OmnidashConfiguration.self, from: Data(typo.utf8))
        } throws: { error in
            "\(error)".contains("not a source Omnidash has; use shopee, lazada, tiktok, facebook")
        }
    }
}
