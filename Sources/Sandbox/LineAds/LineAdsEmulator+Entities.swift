import OmnidashCore

/// LINE's objects as its API writes them: ids as JSON numbers, money in micros of the account currency.
extension LineAdsEmulator {
    /// Every object of the world runs from its campaign's start; none has been paused or removed.
    static let status: [(String, JSONValue)] = [("configuredStatus", "ACTIVE"), ("deliveryStatus", "ACTIVE")]

    /// The account's creation, dated in its own zone.
    static let createdDate = "2025-02-17T10:30:00+07:00"

    func accountJSON(_ account: SandboxAdAccount) -> JSONValue {
        .object([("id", .string(account.id)), ("name", .string(account.name)), ("currency", .string(account.currency)),
                 ("timezone", .string(account.timeZone))] + Self.status
                + [("createdDate", .string(Self.createdDate)), ("modifiedDate", .string(Self.createdDate))])
    }

    func campaignJSON(_ campaign: SandboxCampaign) -> JSONValue {
        .object([
            ("id", .int(Int64(campaign.id)!)), ("name", .string(campaign.name)),
            ("campaignObjective", .string(campaign.lineObjective)),
            ("spendingLimitType", "NONE"), ("spendingLimitMicro", .null),
            ("startDate", .string(campaign.startDate.description)), ("endDate", .null), ("activeCbo", false),
        ] + Self.status + [("createdDate", .string(Self.createdDate)), ("modifiedDate", .string(Self.createdDate))])
    }

    func adGroupJSON(_ adGroup: SandboxAdSet, campaign: SandboxCampaign) -> JSONValue {
        // The world keeps budgets in minor units (satang, 1/100): one minor unit is 10,000 micros.
        let budget: JSONValue = adGroup.dailyBudgetMinor.map { .int($0 * 10_000) } ?? .null
        return .object([
            ("id", .int(Int64(adGroup.id)!)), ("campaignId", .int(Int64(campaign.id)!)), ("name", .string(adGroup.name)),
            ("dailyBudgetMicro", budget), ("bidType", campaign.kind == .awareness ? "CPM" : "CPC"),
        ] + Self.status + [("createdDate", .string(Self.createdDate)), ("modifiedDate", .string(Self.createdDate))])
    }

    /// An ad with where it sends people: the landing page with the tracking parameters the advertiser typed in
    /// (`landingPageUrl`: the reference and the LINE docs we could read do not name the field; this is our reading).
    func adJSON(_ ad: SandboxAd, adGroup: SandboxAdSet) -> JSONValue {
        .object([("id", .int(Int64(ad.id)!)), ("adgroupId", .int(Int64(adGroup.id)!)), ("name", .string(ad.name)),
                 ("landingPageUrl", .string(ad.landingURL))]
                + Self.status + [("createdDate", .string(Self.createdDate)), ("modifiedDate", .string(Self.createdDate))])
    }
}
