import Foundation
import Hummingbird

/// LINE Messaging API's push endpoint, `POST /v2/bot/message/push`, from LINE's reference (ads-apis.md §8 and the
/// payloads beside it), not from Omnidash's client: it checks the bearer channel access token, the body's shape
/// (`to`, 1…5 `messages`, text messages of 1…5,000 characters) and the `X-Line-Retry-Key`, answers LINE's error
/// JSON, and records what it would have sent.
struct LineMessagingEmulator: Sendable {
    static let pushPath = "/v2/bot/message/push"
    static let maximumMessages = 5
    static let maximumTextLength = 5_000

    let secrets: NotificationSecrets
    let outbox: NotificationOutbox
    /// Retry keys of accepted requests, with what they sent, for the 409 a repeat gets.
    private let accepted = Locked([String: (requestID: String, sentIDs: [String])]())

    init(secrets: NotificationSecrets, outbox: NotificationOutbox) {
        self.secrets = secrets
        self.outbox = outbox
    }

    func respond(to request: EmulatorRequest) -> Response {
        guard request.method == .post else { return error(.methodNotAllowed, "Method Not Allowed") }
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            return error(.unauthorized, "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'")
        }
        guard authorization.dropFirst("Bearer ".count) == secrets.channelAccessToken else {
            return error(.unauthorized, "Authentication failed. Confirm that the access token in the authorization header is valid.")
        }
        let retryKey = request.headers[.init("X-Line-Retry-Key")!]
        if let retryKey, UUID(uuidString: retryKey) == nil {
            return error(.badRequest, "The value of the X-Line-Retry-Key header is invalid")
        }
        if let failure = outbox.takeFailure(.line) { return injected(failure) }
        if let retryKey, let previous = accepted.withLock({ $0[retryKey] }) {
            var headers = HTTPFields()
            HTTPReply.set("x-line-request-id", UUID().uuidString.lowercased(), in: &headers)
            HTTPReply.set("x-line-accepted-request-id", previous.requestID, in: &headers)
            return HTTPReply.json(.conflict, .object([
                ("message", "The retry key is already accepted"),
                ("sentMessages", .array(previous.sentIDs.map { .object([("id", .string($0)), ("quoteToken", .string(quoteToken()))]) })),
            ]), headers: headers)
        }
        let push: (to: String, texts: [String])
        switch validate(request.body) {
        case .failure(let failure): return failure.response
        case .success(let valid): push = valid
        }
        let requestID = UUID().uuidString.lowercased()
        let sentIDs = push.texts.map { _ in String(UInt64.random(in: 100_000_000_000_000_000...999_999_999_999_999_999)) }
        if let retryKey { accepted.withLock { $0[retryKey] = (requestID, sentIDs) } }
        outbox.record(NotificationOutbox.LinePush(time: outbox.clock(), to: push.to, texts: push.texts, retryKey: retryKey))
        var headers = HTTPFields()
        HTTPReply.set("x-line-request-id", requestID, in: &headers)
        return HTTPReply.json(.ok, .object([
            ("sentMessages", .array(sentIDs.map { .object([("id", .string($0)), ("quoteToken", .string(quoteToken()))]) })),
        ]), headers: headers)
    }

    /// The recipient and texts of a well-formed push, or LINE's 400 listing every problem.
    private func validate(_ body: [UInt8]) -> Result<(to: String, texts: [String]), ResponseFailure> {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .failure(ResponseFailure(error(.badRequest, "The request body has 1 error(s)",
                                                  details: [("Invalid JSON", "")])))
        }
        var details: [(message: String, property: String)] = []
        let to = object["to"] as? String ?? ""
        if to.isEmpty {
            details.append(("must be specified", "to"))
        }
        let messages = object["messages"] as? [Any]
        var texts: [String] = []
        if let messages {
            if messages.isEmpty || messages.count > Self.maximumMessages {
                details.append(("Size must be between 1 and \(Self.maximumMessages)", "messages"))
            }
            for (index, element) in messages.prefix(Self.maximumMessages).enumerated() {
                let message = element as? [String: Any] ?? [:]
                guard let type = message["type"] as? String else {
                    details.append(("must be specified", "messages[\(index)].type"))
                    continue
                }
                // The Sandbox receives text only; other message types are LINE's but not the alerts'.
                guard type == "text" else {
                    details.append(("must be one of the following values: [text]", "messages[\(index)].type"))
                    continue
                }
                let text = message["text"] as? String ?? ""
                if text.isEmpty {
                    details.append(("May not be empty", "messages[\(index)].text"))
                } else if text.count > Self.maximumTextLength {
                    details.append(("Length must be between 0 and \(Self.maximumTextLength)", "messages[\(index)].text"))
                } else {
                    texts.append(text)
                }
            }
        } else {
            details.append(("must be specified", "messages"))
        }
        if !details.isEmpty {
            return .failure(ResponseFailure(error(.badRequest, "The request body has \(details.count) error(s)", details: details)))
        }
        // Ids that are not the channel's friends or groups: LINE names the property, not the reason.
        guard secrets.lineRecipients.contains(to) else {
            return .failure(ResponseFailure(error(.badRequest, "The property, 'to', in the request body is invalid (line: -, column: -)")))
        }
        return .success((to, texts))
    }

    private func injected(_ status: Int) -> Response {
        status == 429 ? error(.tooManyRequests, "The API rate limit has been exceeded. Try again later.")
            : error(HTTPResponse.Status(code: status), "An error occurred in the backend")
    }

    /// `{"message":…,"details":[{"message":…,"property":…}]}`, `details` left out when empty, as LINE does.
    private func error(_ status: HTTPResponse.Status, _ message: String,
                       details: [(message: String, property: String)] = []) -> Response {
        var members: [(String, JSONValue)] = [("message", .string(message))]
        if !details.isEmpty {
            members.append(("details", .array(details.map { .object([("message", .string($0.message)), ("property", .string($0.property))]) })))
        }
        var headers = HTTPFields()
        HTTPReply.set("x-line-request-id", UUID().uuidString.lowercased(), in: &headers)
        return HTTPReply.json(status, .object(members), headers: headers)
    }

    private func quoteToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".randomElement(using: &generator)! })
    }

    /// A ready-made error response, carried out of the validation.
    struct ResponseFailure: Error {
        let response: Response
        init(_ response: Response) { self.response = response }
    }
}
