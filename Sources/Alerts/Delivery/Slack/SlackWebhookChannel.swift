import AsyncHTTPClient
import Foundation
import OmnidashCore

/// A Slack incoming webhook: `POST` JSON `{"text", "blocks"}` to the hook's URL; Slack answers `ok`, or an error word
/// (`invalid_payload`, `no_service`, `channel_is_archived`…) with a 4xx status.
struct SlackWebhookChannel: AlertChannel {
    let settings: SlackNotificationSettings
    let http: HTTPDelivery

    var name: String { "slack" }
    /// The hook's URL is a secret: the log names its host only.
    var targets: [String] { [HTTPDelivery.redacted(settings.webhookURL)] }

    /// Slack's limit on a header block's text.
    static let maximumHeaderLength = 150

    private struct Payload: Encodable {
        let text: String
        let blocks: [Block]
    }

    private struct Block: Encodable {
        let type: String
        let text: BlockText
    }

    private struct BlockText: Encodable {
        let type: String
        let text: String
    }

    func send(_ message: AlertMessage, to target: String, deliveryKey: String) async throws(DeliveryFailure) -> Int? {
        let body: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            body = try encoder.encode(Self.payload(message))
        } catch {
            throw DeliveryFailure("slack: the message could not be encoded: \(error)", retryable: false)
        }
        let reply = try await http.post(settings.webhookURL, json: body, headers: [], channel: name)
        if (200..<300).contains(reply.status) { return reply.status }
        let word = reply.body.trimmingCharacters(in: .whitespacesAndNewlines)
        throw DeliveryFailure("slack: webhook \(target) answered \(reply.status): \(word.isEmpty ? "no body" : String(word.prefix(200)))",
                              responseCode: reply.status, retryable: DeliveryFailure.isRetryable(httpStatus: reply.status),
                              retryAfter: reply.retryAfter)
    }

    /// A header with the title, the facts, and the link; `text` is the notification's fallback.
    private static func payload(_ message: AlertMessage) -> Payload {
        let header = message.title.count > maximumHeaderLength
            ? String(message.title.prefix(maximumHeaderLength - 1)) + "…" : message.title
        let facts = message.lines.map(escaped).joined(separator: "\n")
        let link = "<\(message.link)|\(escaped(message.linkLabel))>"
        return Payload(text: message.text, blocks: [
            Block(type: "header", text: BlockText(type: "plain_text", text: header)),
            Block(type: "section", text: BlockText(type: "mrkdwn", text: facts)),
            Block(type: "section", text: BlockText(type: "mrkdwn", text: link)),
        ])
    }

    /// Slack's three control characters in mrkdwn text.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
