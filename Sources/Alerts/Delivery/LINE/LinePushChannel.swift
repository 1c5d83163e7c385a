import AsyncHTTPClient
import Foundation
import OmnidashCore

/// LINE Messaging API push (ads-apis.md §8): `POST {base}/v2/bot/message/push` with the channel access token as a
/// bearer token, one text message to one user or group id a request, and `X-Line-Retry-Key` so that a retry of a
/// request LINE already accepted is answered 409 instead of sending the message twice.
struct LinePushChannel: AlertChannel {
    let settings: LineNotificationSettings
    let http: HTTPDelivery

    var name: String { "line" }
    var targets: [String] { settings.to }

    /// LINE's limit on a text message.
    static let maximumTextLength = 5_000

    private struct PushRequest: Encodable {
        struct Message: Encodable {
            let type = "text"
            let text: String
        }

        let to: String
        let messages: [Message]
    }

    private struct ErrorResponse: Decodable {
        struct Detail: Decodable {
            let message: String?
            let property: String?
        }

        let message: String?
        let details: [Detail]?
    }

    func send(_ message: AlertMessage, to target: String, deliveryKey: String) async throws(DeliveryFailure) -> Int? {
        let body: Data
        do {
            body = try JSONEncoder().encode(PushRequest(to: target, messages: [.init(text: Self.fitted(message.text))]))
        } catch {
            throw DeliveryFailure("line: the message could not be encoded: \(error)", retryable: false)
        }
        let base = settings.baseURL.hasSuffix("/") ? String(settings.baseURL.dropLast()) : settings.baseURL
        let reply = try await http.post(base + "/v2/bot/message/push", json: body, headers: [
            ("Authorization", "Bearer \(settings.channelAccessToken)"),
            ("X-Line-Retry-Key", deliveryKey),
        ], channel: name)
        // 409: a retry of a request LINE had already accepted; the message went out once.
        if (200..<300).contains(reply.status) || reply.status == 409 { return reply.status }
        throw DeliveryFailure("line: push to \(target) answered \(reply.status): \(Self.errorText(reply.body))",
                              responseCode: reply.status, retryable: DeliveryFailure.isRetryable(httpStatus: reply.status),
                              retryAfter: reply.retryAfter)
    }

    /// `{"message":…,"details":[{"message":…,"property":…}]}` in one line.
    static func errorText(_ body: String) -> String {
        guard let error = try? JSONDecoder().decode(ErrorResponse.self, from: Data(body.utf8)), let message = error.message else {
            return body.isEmpty ? "no body" : String(body.prefix(200))
        }
        let details = (error.details ?? []).map { detail in
            [detail.property, detail.message].compactMap { $0 }.joined(separator: ": ")
        }
        return details.isEmpty ? message : message + " (" + details.joined(separator: "; ") + ")"
    }

    /// The text cut to LINE's limit, with an ellipsis when cut; the link is kept at the end.
    static func fitted(_ text: String) -> String {
        guard text.count > maximumTextLength else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.last.map(String.init) ?? ""
        let head = String(text.prefix(maximumTextLength - last.count - 2))
        return head + "…\n" + last
    }
}
