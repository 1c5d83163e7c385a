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
}
