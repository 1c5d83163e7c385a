import Foundation
import Hummingbird

/// The Sandbox's receiving end of alerts: LINE's push endpoint, the Slack webhook, and the SMTP server's outbox at
/// `GET /_sandbox/outbox`; `POST /_sandbox/outbox/faults?channel=line|slack&status=503&count=2` makes the next
/// requests to a channel fail, for tests of the senders' retries.
struct NotificationEndpoints: Sendable {
    static let outboxPath = "/_sandbox/outbox"
    static let faultsPath = "/_sandbox/outbox/faults"

    let outbox: NotificationOutbox
    let secrets: NotificationSecrets
    let line: LineMessagingEmulator
    let slack: SlackWebhookEmulator

    init(seed: UInt64, clock: @escaping @Sendable () -> Date) {
        outbox = NotificationOutbox(clock: clock)
        secrets = NotificationSecrets(seed: seed)
        line = LineMessagingEmulator(secrets: secrets, outbox: outbox)
        slack = SlackWebhookEmulator(secrets: secrets, outbox: outbox)
    }

    func serves(path: String) -> Bool {
        path == LineMessagingEmulator.pushPath || path.hasPrefix(SlackWebhookEmulator.pathPrefix) || path == Self.outboxPath
            || path == Self.faultsPath
    }

    func respond(to request: EmulatorRequest) -> Response {
        switch request.path {
        case LineMessagingEmulator.pushPath: return line.respond(to: request)
        case Self.outboxPath: return HTTPReply.json(.ok, outbox.json)
        case Self.faultsPath: return setFaults(request)
        default: return slack.respond(to: request)
        }
    }

    private func setFaults(_ request: EmulatorRequest) -> Response {
        guard request.method == .post else { return failure(.methodNotAllowed, "POST \(Self.faultsPath) sets faults") }
        guard let name = request.query["channel"], let channel = NotificationOutbox.Channel(rawValue: name) else {
            return failure(.badRequest, "channel must be one of \(NotificationOutbox.Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let status = request.query["status"].flatMap(Int.init), (400...599).contains(status) else {
            return failure(.badRequest, "status must be an HTTP error status, 400…599")
        }
        let count = request.query["count"].flatMap(Int.init) ?? 1
        guard (0...100).contains(count) else { return failure(.badRequest, "count must be 0…100") }
        outbox.failNext(channel, status: status, count: count)
        return HTTPReply.json(.ok, .object([("channel", .string(channel.rawValue)), ("status", .int(Int64(status))),
                                            ("count", .int(Int64(count)))]))
    }

    private func failure(_ status: HTTPResponse.Status, _ message: String) -> Response {
        HTTPReply.json(status, .object([("error", .string(message))]))
    }

    /// What `/_sandbox/credentials` publishes under `notifications`.
    func credentials(serverURL: String, smtpHost: String, smtpPort: Int) -> NotificationSandboxCredentials {
        NotificationSandboxCredentials(
            line: .init(baseURL: serverURL, channelAccessToken: secrets.channelAccessToken, to: secrets.lineRecipients),
            slack: .init(webhookURL: serverURL + SlackWebhookEmulator.pathPrefix + secrets.slackHook),
            email: .init(smtpHost: smtpHost, smtpPort: smtpPort, username: secrets.smtpUsername, password: secrets.smtpPassword,
                         from: secrets.mailFrom, to: secrets.mailTo))
    }
}
