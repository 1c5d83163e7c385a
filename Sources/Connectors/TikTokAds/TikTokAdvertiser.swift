import Foundation
import OmnidashCore

/// One advertiser as `advertiser/info/` describes it: reports come in its currency and on its time zone's days.
public struct TikTokAdvertiser: Sendable, Equatable {
    public let id: String
    public let name: String?
    public let currency: String
    /// The IANA zone TikTok reports the advertiser's days and hours in.
    public let timeZone: TimeZone
    public let status: String?
    public let rawJSON: String

    /// Whether the advertiser's days are the reporting calendar's days: the same offset all year round. Such an
    /// advertiser's daily rows are the business days; any other is re-bucketed from hourly rows.
    public func sharesDays(with calendar: BusinessCalendar) -> Bool {
        if timeZone.identifier == calendar.timeZone.identifier { return true }
        let year: TimeInterval = 365 * 86_400
        let probes = stride(from: 0.0, to: year, by: year / 12).map { Date(timeIntervalSince1970: 1_767_225_600 + $0) }
        return probes.allSatisfy { timeZone.secondsFromGMT(for: $0) == calendar.timeZone.secondsFromGMT(for: $0) }
    }
}

/// Fetches `advertiser/info/` once per sync for the streams of one advertiser, which all need its zone and currency.
public actor TikTokAdvertiserDirectory {
    private let settings: TikTokAdsSettings
    private let advertiserID: String
    private let runner: RequestRunner
    private var cached: TikTokAdvertiser?

    public init(settings: TikTokAdsSettings, advertiserID: String, runner: RequestRunner) {
        self.settings = settings
        self.advertiserID = advertiserID
        self.runner = runner
    }

    public func advertiser() async throws -> TikTokAdvertiser {
        if let cached { return cached }
        let endpoint = "\(TikTokAds.apiPath)/advertiser/info/"
        let response = try await runner.run(
            endpoint: endpoint,
            build: { [settings, advertiserID] in
                TikTokAds.Requests.advertiserInfo(baseURL: settings.baseURL, accessToken: settings.accessToken, advertiserID: advertiserID)
            },
            classify: { TikTokAds.classify($0, endpoint: endpoint) })
        let advertiser = try Self.parse([UInt8](response.body), advertiserID: advertiserID, endpoint: endpoint)
        cached = advertiser
        return advertiser
    }

    /// The advertiser in `data.list`; a missing currency or an unknown zone stops the advertiser's sync, since every
    /// figure depends on them.
    static func parse(_ bytes: [UInt8], advertiserID: String, endpoint: String) throws -> TikTokAdvertiser {
        let scanner = JSONScanner(bytes)
        func invalid(_ message: String) -> ConnectorError {
            ConnectorError(.invalidResponse, platform: .tiktokAds, endpoint: endpoint, message: message)
        }
        guard let list = try? scanner.value(at: ["data", "list"]), let elements = try? scanner.elements(of: list) else {
            throw invalid("`data.list` is missing or not an array")
        }
        for element in elements {
            let record: TikTokRecordReader
            do {
                record = try bytes.withUnsafeBufferPointer { buffer throws(JSONReadError) in try TikTokRecordReader(buffer, element) }
            } catch {
                throw invalid("advertiser: \(error.description)")
            }
            guard record["advertiser_id"] == advertiserID else { continue }
            guard let currency = record["currency"], currency.utf8.count == 3 else {
                throw invalid("advertiser \(advertiserID): currency is missing or not a 3-letter code")
            }
            guard let zoneName = record["timezone"], let zone = TimeZone(identifier: zoneName) else {
                throw invalid("advertiser \(advertiserID): timezone '\(record["timezone"] ?? "")' is not a known time zone")
            }
            return TikTokAdvertiser(id: advertiserID, name: record["name"], currency: currency, timeZone: zone,
                                    status: record["status"], rawJSON: scanner.text(element))
        }
        throw ConnectorError(.authentication, platform: .tiktokAds, endpoint: endpoint,
                             message: "advertiser \(advertiserID) is not among those the access token may read")
    }
}
