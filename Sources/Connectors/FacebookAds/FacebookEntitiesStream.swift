import Foundation
import OmnidashCore
import Warehouse

/// The campaigns, ad sets and ads of one ad account with their status, schedule and budgets, listed in full on every
/// sync (an account has hundreds of objects, not millions) into `raw_facebook_ad_entities`. Budgets stay Meta's text in
/// the account currency's minor units, with the account's currency beside them, read first from the account itself. An
/// ad keeps its creative's link (a link ad's `link_data.link`, a video ad's call-to-action link) and `url_tags`.
public struct FacebookEntitiesStream: SyncStream {
    public let counters: RequestCounters
    public var source: SyncSource { .platform(.facebookAds) }
    public var accountID: String { FacebookAds.bareAccountID(account) }
    public var name: String { "entities" }
    let account: String
    let configuration: FacebookAdsSettings
    let runner: RequestRunner

    /// The edges in the order they are listed, with the level each row is stored under.
    static let edges = [("campaigns", "campaign"), ("adsets", "adset"), ("ads", "ad")]

    public init(account: String, configuration: FacebookAdsSettings, runner: RequestRunner, counters: RequestCounters) {
        self.account = account
        self.configuration = configuration
        self.runner = runner
        self.counters = counters
    }

    public func run(_ context: StreamContext) async throws -> StreamSummary {
        let currency = try await accountCurrency()
        var summary = StreamSummary()
        for (edge, level) in Self.edges {
            var cursor: String?
            var listed = 0
            repeat {
                let endpoint = "/\(configuration.apiVersion)/act_\(accountID)/\(edge)"
                let response = try await runner.run(
                    endpoint: endpoint,
                    build: { [configuration, accountID, cursor] in
                        FacebookAds.Requests.entities(baseURL: configuration.baseURL, version: configuration.apiVersion, accountID: accountID,
                                                      edge: edge, after: cursor, accessToken: configuration.accessToken,
                                                      appSecret: configuration.appSecret)
                    },
                    classify: { FacebookAds.classify($0, endpoint: endpoint) })
                let scanner = JSONScanner([UInt8](response.body))
                guard let data = try? scanner.value(at: ["data"]), let elements = try? scanner.elements(of: data) else {
                    throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "`data` is missing or not an array")
                }
                var page = ParsedPage()
                for element in elements { page.append(row(scanner, element, level: level, currency: currency)) }
                listed += elements.count
                let next = (try? scanner.value(at: ["paging", "next"])).flatMap { $0 }
                cursor = next == nil ? nil : (try? scanner.value(at: ["paging", "cursors", "after"])).flatMap { $0 }.flatMap(scanner.string)
                try await context.load(page, into: FacebookAdsRawTables.entities, of: self, position: "\(listed) \(edge)", summary: &summary)
            } while cursor != nil
        }
        return summary
    }

    /// `GET act_{id}?fields=currency`: the currency the account's budgets are in.
    private func accountCurrency() async throws -> String {
        let endpoint = "/\(configuration.apiVersion)/act_\(accountID)"
        let response = try await runner.run(
            endpoint: endpoint,
            build: { [configuration, accountID] in
                FacebookAds.Requests.account(baseURL: configuration.baseURL, version: configuration.apiVersion, accountID: accountID,
                                             accessToken: configuration.accessToken, appSecret: configuration.appSecret)
            },
            classify: { FacebookAds.classify($0, endpoint: endpoint) })
        let scanner = JSONScanner([UInt8](response.body))
        guard let range = try? scanner.value(at: ["currency"]), let currency = scanner.string(range), currency.utf8.count == 3 else {
            throw ConnectorError(.invalidResponse, platform: .facebookAds, endpoint: endpoint, message: "the account's currency is missing")
        }
        return currency
    }

    /// One Campaign, AdSet or Ad node as Meta lists it.
    struct Node: Decodable {
        let id: String
        let name: String?
        let campaignID: String?
        let adsetID: String?
        let status: String?
        let effectiveStatus: String?
        let objective: String?
        let dailyBudget: String?
        let lifetimeBudget: String?
        let budgetRemaining: String?
        let startTime: String?
        let stopTime: String?
        let endTime: String?
        let createdTime: String?
        let updatedTime: String?
        let creative: Creative?

        /// The part of an AdCreative that says where the ad sends people.
        struct Creative: Decodable {
            let id: String?
            let urlTags: String?
            let objectStorySpec: StorySpec?

            struct StorySpec: Decodable {
                let linkData: LinkData?
                let videoData: VideoData?

                enum CodingKeys: String, CodingKey { case linkData = "link_data", videoData = "video_data" }
            }

            struct LinkData: Decodable { let link: String? }

            struct VideoData: Decodable {
                let callToAction: CallToAction?

                enum CodingKeys: String, CodingKey { case callToAction = "call_to_action" }
            }

            struct CallToAction: Decodable {
                let value: Value?

                struct Value: Decodable { let link: String? }
            }

            enum CodingKeys: String, CodingKey { case id, urlTags = "url_tags", objectStorySpec = "object_story_spec" }

            /// A link ad's link, else a video ad's call-to-action link.
            var link: String? {
                objectStorySpec?.linkData?.link ?? objectStorySpec?.videoData?.callToAction?.value?.link
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, name, campaignID = "campaign_id", adsetID = "adset_id", status, effectiveStatus = "effective_status", objective
            case dailyBudget = "daily_budget", lifetimeBudget = "lifetime_budget", budgetRemaining = "budget_remaining"
            case startTime = "start_time", stopTime = "stop_time", endTime = "end_time", createdTime = "created_time"
            case updatedTime = "updated_time", creative
        }
    }

    private func row(_ scanner: JSONScanner, _ range: Range<Int>, level: String, currency: String) -> ParsedRecord {
        let raw = scanner.text(range)
        func reject(_ reason: String, key: String?) -> ParsedRecord {
            .reject(RawReject(source: Platform.facebookAds.rawValue, stream: name, accountID: accountID, recordKey: key.map { "\(level)/\($0)" },
                              reason: reason, payload: raw))
        }
        let node: Node
        do {
            node = try JSONDecoder().decode(Node.self, from: Data(scanner.bytes[range]))
        } catch {
            return reject((error as? DecodingError)?.oneLine ?? "\(error)", key: nil)
        }
        guard !node.id.isEmpty else { return reject("id: is empty", key: nil) }
        // Budgets are whole minor units ("150000"); anything else would be misread by a factor of a hundred.
        for (field, value) in [("daily_budget", node.dailyBudget), ("lifetime_budget", node.lifetimeBudget),
                               ("budget_remaining", node.budgetRemaining)] {
            if let value, Int64(value) == nil || value.hasPrefix("-") {
                return reject("\(field): '\(value)' is not a whole, non-negative number of minor units", key: node.id)
            }
        }
        let campaignID = level == "campaign" ? node.id : node.campaignID
        guard let campaignID, !campaignID.isEmpty else { return reject("campaign_id: is required on an \(level)", key: node.id) }
        var row = FacebookAdsRawTables.entities.row()
        row["account_id"] = .text(accountID)
        row["level"] = .text(level)
        row["id"] = .text(node.id)
        row["account_currency"] = .text(currency)
        row["campaign_id"] = .text(campaignID)
        row["adset_id"] = SQLValue(level == "adset" ? node.id : node.adsetID)
        row["name"] = SQLValue(node.name)
        row["status"] = SQLValue(node.status)
        row["effective_status"] = SQLValue(node.effectiveStatus)
        row["objective"] = SQLValue(node.objective)
        row["daily_budget"] = SQLValue(node.dailyBudget)
        row["lifetime_budget"] = SQLValue(node.lifetimeBudget)
        row["budget_remaining"] = SQLValue(node.budgetRemaining)
        row["start_time"] = SQLValue(node.startTime)
        row["end_time"] = SQLValue(node.stopTime ?? node.endTime)
        row["created_time"] = SQLValue(node.createdTime)
        row["updated_time"] = SQLValue(node.updatedTime)
        row["creative_id"] = SQLValue(node.creative?.id)
        row["link"] = SQLValue(node.creative?.link)
        row["url_tags"] = SQLValue(node.creative?.urlTags)
        row["raw_json"] = .text(raw)
        return .row(row)
    }
}
