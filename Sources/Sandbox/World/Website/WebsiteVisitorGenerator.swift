import OmnidashCore

/// Decides the visitors who first arrive on a day: one per GA4-recorded landing of the brand's ads that send people
/// to the website, one per unit of unpaid traffic, each with a device, a place and the returns it will make.
struct WebsiteVisitorGenerator: Sendable {
    let seed: UInt64
    let calendar: BusinessCalendar
    let demand: DemandCalendar
    let catalog: SandboxCatalog
    let plan: AdsPlan

    /// Return visits come within this many days, inside GA4's 30-day look-back for a direct visit's campaign.
    static let returnWindowDays = 27
    /// A visitor who first came before 18:00 may come back the same day, within six hours.
    static let lastSameDayReturnSecond: Int64 = 18 * 3_600

    func visitors(firstArrivingOn day: BusinessDate, adRows: [AdDayPerformance]) -> [WebsiteVisitor] {
        var generator = SeededGenerator(seed: seed, stream: .websiteVisitors, Int64(day.daysSinceEpoch))
        let acquisitions = self.acquisitions(on: day, adRows: adRows, using: &generator)
        let dayStart = calendar.startOfDay(day)
        return acquisitions.enumerated().map { rank, acquisition in
            let streamKey = Int64(day.daysSinceEpoch) &* 1_000_003 &+ Int64(rank)
            var visitor = SeededGenerator(seed: seed, stream: .websiteVisitors, streamKey, 1)
            let firstTouch = (dayStart + Int64(Self.drawSecondOfDay(using: &visitor))) * 1_000_000 + Int64(visitor.below(1_000_000))
            let clientID = 1_000_000_000 + Int64(visitor.below(1_100_000_000))
            var visits = [WebsiteVisitor.Visit(dayOffset: 0, source: acquisition.source, landing: acquisition.landing)]
            // Some come back the same day (after lunch, after work), typing the address: only before the evening, so the
            // return still starts on the day.
            if firstTouch / 1_000_000 - dayStart < Self.lastSameDayReturnSecond, visitor.chance(0.2) {
                visits.append(WebsiteVisitor.Visit(dayOffset: 0, source: nil, landing: SandboxWebsite.home))
            }
            for offset in Self.returnOffsets(using: &visitor) {
                visits.append(returnVisit(offset: offset, after: acquisition, day: day.adding(days: offset), using: &visitor))
            }
            return WebsiteVisitor(pseudoID: "\(clientID).\(firstTouch / 1_000_000)", firstTouchMicros: firstTouch, streamKey: streamKey,
                                  device: Self.device(using: &visitor), geo: Self.geo(abroad: acquisition.abroad, using: &visitor),
                                  visits: visits)
        }
    }

    // MARK: - Acquisitions

    private func acquisitions(on day: BusinessDate, adRows: [AdDayPerformance], using generator: inout SeededGenerator) -> [WebsiteAcquisition] {
        var result: [WebsiteAcquisition] = []
        for row in adRows {
            let position = plan.ads[row.adIndex]
            let campaign = plan.campaign(of: position)
            // A marketplace's own ads send people to its listing, not to the brand's site.
            guard campaign.kind != .productListing else { continue }
            let account = plan.account(of: position)
            let ad = plan.ad(of: position)
            let count = generator.roundStochastically(Double(row.landingPageViews * SandboxWebsite.recordedPermille) / 1_000)
            guard count > 0 else { continue }
            let landing = SandboxWebsite.page(at: ad.landingURL)
            for _ in 0..<count {
                let source = Self.trafficSource(of: ad, in: campaign, account: account, using: &generator)
                result.append(WebsiteAcquisition(source: source, landing: landing, abroad: account.currency != "THB"))
            }
        }
        let volume = demand.weekdayFactor(day) * demand.paydayFactor(day) * min(demand.campaignFactor(day), 1.6)
        for traffic in UnpaidTraffic.all {
            var expected = traffic.perDay * volume * generator.around(1, spread: 0.12)
            if let weekday = traffic.burstWeekday { expected *= day.weekday == weekday ? 6 : 0.5 }
            for _ in 0..<generator.roundStochastically(expected) {
                let landing = landingPage(traffic.landings[generator.below(traffic.landings.count)], using: &generator)
                result.append(WebsiteAcquisition(source: traffic.trafficSource(on: day), landing: landing, abroad: generator.chance(0.03)))
            }
        }
        return result
    }

    /// What an ad click carries into GA4. A click on a search, shopping or automated campaign is auto-tagged with the
    /// network's click id, and GA4 names its campaign and channel from the ad network itself; the other ads' clicks
    /// carry the UTM parameters of their landing URL (a campaign without any arrives as a referral from its app).
    static func trafficSource(of ad: SandboxAd, in campaign: SandboxCampaign, account: SandboxAdAccount,
                              using generator: inout SeededGenerator) -> WebsiteTrafficSource {
        let reference = WebsiteTrafficSource.AdReference(platform: account.platform, accountID: account.id, campaignID: campaign.id,
                                                         adID: ad.id)
        let autoTagged: String? = switch campaign.kind {
        case .search: "Paid Search"
        case .shopping: "Paid Shopping"
        case .automated: "Cross-network"
        default: nil
        }
        if let channel = autoTagged {
            let clickID = (0..<22).map { _ in Self.clickIDAlphabet[generator.below(Self.clickIDAlphabet.count)] }
            return WebsiteTrafficSource(source: "google", medium: "cpc", campaign: campaign.name, campaignID: campaign.id, term: nil,
                                        content: nil, channelGroup: channel, ad: reference, gclid: "Cj0KCQ" + String(clickID))
        }
        let tags = UTMTags(url: ad.landingURL)
        guard let source = tags.source, let medium = tags.medium else {
            return WebsiteTrafficSource(source: "line.me", medium: "referral", campaign: "(referral)", campaignID: nil, term: nil,
                                        content: nil, channelGroup: "LINE", ad: reference, gclid: nil)
        }
        return WebsiteTrafficSource(source: source, medium: medium, campaign: tags.campaign ?? "(not set)", campaignID: tags.id,
                                    term: nil, content: tags.content, channelGroup: medium == "paid_social" ? "Paid Social" : "Paid Other",
                                    ad: reference, gclid: nil)
    }

    private static let clickIDAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    private func landingPage(_ path: String, using generator: inout SeededGenerator) -> SandboxWebsite.Page {
        if path == "product" { return SandboxWebsite.productPages[catalog.units[catalog.drawUnit(using: &generator)].productIndex] }
        return SandboxWebsite.browsing.first { $0.path == path } ?? SandboxWebsite.page(at: SandboxWebsite.origin + path)
    }

    // MARK: - Returns

    /// Most visitors never come back; some return once or twice within the window.
    private static func returnOffsets(using generator: inout SeededGenerator) -> [Int] {
        let count = [0, 0, 0, 0, 0, 0, 1, 1, 1, 2][generator.below(10)] + (generator.chance(0.03) ? 1 : 0)
        var offsets = Set<Int>()
        while offsets.count < count { offsets.insert(generator.int(in: 1...returnWindowDays)) }
        return offsets.sorted()
    }

    /// A return is mostly typed or bookmarked (direct), else a search, the newsletter, the LINE account, or another
    /// click on the same ad.
    private func returnVisit(offset: Int, after acquisition: WebsiteAcquisition, day: BusinessDate,
                             using generator: inout SeededGenerator) -> WebsiteVisitor.Visit {
        let roll = generator.below(100)
        let unpaid: UnpaidTraffic? = switch roll {
        case 0..<58: nil
        case 58..<78: UnpaidTraffic.all.first { $0.medium == "organic" }
        case 78..<88: UnpaidTraffic.all.first { $0.medium == "email" }
        case 88..<96: UnpaidTraffic.all.first { $0.medium == "line_oa" }
        default: nil
        }
        if let unpaid {
            return .init(dayOffset: offset, source: unpaid.trafficSource(on: day),
                         landing: landingPage(unpaid.landings[generator.below(unpaid.landings.count)], using: &generator))
        }
        if roll >= 96, let source = acquisition.source, source.ad != nil {
            return .init(dayOffset: offset, source: source, landing: acquisition.landing)
        }
        // Someone who first came on their own may click one of the brand's ads later: GA4 then credits the ad, while
        // the user's first source stays what it was.
        if roll >= 96 {
            let ads = plan.ads.filter { position in
                plan.ad(of: position).alwaysOn && plan.campaign(of: position).kind != .productListing && plan.campaign(of: position).startDate <= day
            }
            if !ads.isEmpty {
                let position = ads[generator.below(ads.count)]
                let ad = plan.ad(of: position)
                return .init(dayOffset: offset, source: Self.trafficSource(of: ad, in: plan.campaign(of: position), account: plan.account(of: position),
                                                                         using: &generator),
                             landing: SandboxWebsite.page(at: ad.landingURL))
            }
        }
        return .init(dayOffset: offset, source: nil, landing: SandboxWebsite.home)
    }

    // MARK: - Who

    /// Seconds into the day of a visit, weighted to the lunch break and the evening.
    static func drawSecondOfDay(using generator: inout SeededGenerator) -> Int {
        generator.index(weights: hourWeights) * 3_600 + generator.below(3_600)
    }

    private static let hourWeights: [Double] = [
        2.0, 1.2, 0.6, 0.3, 0.2, 0.3, 0.8, 1.6, 2.4, 2.8, 3.0, 3.4, 4.2, 3.8, 3.2, 3.0, 3.1, 3.4, 3.9, 4.6, 5.4, 5.8, 5.0, 3.4,
    ]

    private static func device(using generator: inout SeededGenerator) -> WebsiteDevice {
        let roll = generator.below(100)
        if roll < 78 {
            let phones: [(String, String, String, String)] = [
                ("Apple", "iPhone", "iOS", "Safari"), ("Apple", "iPhone", "iOS", "Safari (in-app)"),
                ("Samsung", "Galaxy A54 5G", "Android", "Chrome"), ("Samsung", "Galaxy S24", "Android", "Samsung Internet"),
                ("OPPO", "Reno11 F 5G", "Android", "Chrome"), ("Xiaomi", "Redmi Note 13", "Android", "Chrome"),
                ("vivo", "V30", "Android", "Android Webview"),
            ]
            let phone = phones[generator.index(weights: [30, 10, 14, 6, 14, 14, 12])]
            return WebsiteDevice(category: "mobile", operatingSystem: phone.2, operatingSystemVersion: phone.2 == "iOS" ? "iOS 18.1" : "Android 14",
                                 browser: phone.3, browserVersion: phone.3.hasPrefix("Safari") ? "18.1" : "131.0.6778.81",
                                 mobileBrandName: phone.0, mobileModelName: phone.1)
        }
        if roll < 96 {
            let windows = generator.chance(0.68)
            return WebsiteDevice(category: "desktop", operatingSystem: windows ? "Windows" : "Macintosh",
                                 operatingSystemVersion: windows ? "Windows 11" : "macOS 15.1", browser: windows || generator.chance(0.5) ? "Chrome" : "Safari",
                                 browserVersion: "131.0.6778.86", mobileBrandName: nil, mobileModelName: nil)
        }
        return WebsiteDevice(category: "tablet", operatingSystem: "iOS", operatingSystemVersion: "iPadOS 18.1", browser: "Safari",
                             browserVersion: "18.1", mobileBrandName: "Apple", mobileModelName: "iPad")
    }

    private static func geo(abroad: Bool, using generator: inout SeededGenerator) -> WebsiteGeo {
        if abroad {
            let places: [WebsiteGeo] = [
                .init(country: "Singapore", region: "Singapore", city: "Singapore"),
                .init(country: "Malaysia", region: "Federal Territory of Kuala Lumpur", city: "Kuala Lumpur"),
                .init(country: "Philippines", region: "Metro Manila", city: "Makati"),
                .init(country: "Vietnam", region: "Ho Chi Minh City", city: "Ho Chi Minh City"),
                .init(country: "Laos", region: "Vientiane Prefecture", city: "Vientiane"),
            ]
            return places[generator.index(weights: [30, 28, 16, 16, 10])]
        }
        let places: [WebsiteGeo] = [
            .init(country: "Thailand", region: "Bangkok", city: "Bangkok"),
            .init(country: "Thailand", region: "Nonthaburi", city: "Nonthaburi"),
            .init(country: "Thailand", region: "Chiang Mai", city: "Chiang Mai"),
            .init(country: "Thailand", region: "Chon Buri", city: "Pattaya"),
            .init(country: "Thailand", region: "Khon Kaen", city: "Khon Kaen"),
            .init(country: "Thailand", region: "Songkhla", city: "Hat Yai"),
            .init(country: "Thailand", region: "Phuket", city: "Phuket"),
            .init(country: "Thailand", region: "Nakhon Ratchasima", city: "Nakhon Ratchasima"),
        ]
        return places[generator.index(weights: [46, 10, 9, 8, 7, 7, 6, 7])]
    }
}
