import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

@Suite("Sandbox website")
struct WebsiteWorldTests {
    let world = SandboxWorld(seed: 42, asOf: SandboxTest.asOf)

    @Test func aDayHasTheTrafficOfABeautyBrandsSite() {
        let day = SandboxTest.asOf.adding(days: -3)
        let sessions = world.websiteSessions(on: day)
        let channels = Dictionary(grouping: sessions, by: \.attributed.channelGroup).mapValues(\.count)
        let purchases = sessions.compactMap(\.purchase)
        // Then every channel a Thai brand's site sees is there, and sessions are in start order on the day
        #expect(sessions.count > 1_000 && sessions.count < 6_000)
        for channel in ["Direct", "Organic Search", "Paid Social", "Paid Search", "Paid Shopping", "Cross-network", "Organic Social",
                        "LINE", "Email", "Affiliates", "Marketplace", "Referral"] {
            #expect((channels[channel] ?? 0) > 0, "no \(channel) sessions")
        }
        #expect(zip(sessions, sessions.dropFirst()).allSatisfy { $0.startMicros <= $1.startMicros })
        #expect(sessions.allSatisfy { world.calendar.date(unixSeconds: $0.startMicros / 1_000_000) == day })
        // And some checkouts were handed on to a marketplace, under the marketplace's own order number
        #expect(purchases.contains { $0.marketplace != nil })
        #expect(purchases.filter { $0.marketplace == nil }.allSatisfy { $0.transactionID.hasPrefix("SKB") })
        #expect(Set(purchases.map(\.transactionID)).count == purchases.count)
        // And some people come back the same day, so a day has fewer users than sessions
        #expect(Set(sessions.map(\.userPseudoID)).count < sessions.count)
    }

    @Test func aDirectReturnKeepsTheCampaignThatBroughtTheVisitor() {
        let sessions = (3...12).flatMap { world.websiteSessions(on: SandboxTest.asOf.adding(days: -$0)) }
        let inherited = sessions.filter { $0.collected == nil && $0.attributed.ad != nil }
        #expect(!inherited.isEmpty)
        #expect(inherited.allSatisfy { !$0.isNewUser })
        // The first-user trap: someone who first came from a search and later from an ad is credited to the ad
        #expect(sessions.contains { $0.firstUserSource.medium == "organic" && $0.attributed.channelGroup == "Paid Social" })
    }

    @Test func usersOverARangeAreFewerThanTheSumOfDailyUsers() {
        let days = (1...7).map { SandboxTest.asOf.adding(days: -$0) }
        let daily = days.map { Set(world.websiteSessions(on: $0).map(\.userPseudoID)).count }.reduce(0, +)
        let distinct = Set(days.flatMap { world.websiteSessions(on: $0).map(\.userPseudoID) }).count
        #expect(distinct < daily)
    }
}
