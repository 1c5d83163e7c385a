import Foundation

/// Everything the Sandbox's notification endpoints received (LINE pushes, Slack webhook posts, e-mails), in arrival
/// order, for `GET /_sandbox/outbox`; and the failures a test asked the next requests to meet.
final class NotificationOutbox: Sendable {
    struct LinePush: Sendable {
        var time: Date
        var to: String
        var texts: [String]
        var retryKey: String?
    }

    struct SlackPost: Sendable {
        var time: Date
        /// The hook's path, `/services/T…/B…/…`.
        var hook: String
        var text: String?
        var blockCount: Int
    }

    struct Email: Sendable {
        var time: Date
        var from: String
        var to: [String]
        var subject: String
        var body: String
        var authenticatedAs: String?
    }

    /// The channels whose endpoints can be told to fail.
    enum Channel: String, Sendable, CaseIterable {
        case line, slack
    }

    private struct State {
        var line: [LinePush] = []
        var slack: [SlackPost] = []
        var email: [Email] = []
        /// Per channel: the status the next requests answer, and how many of them.
        var failures: [Channel: (status: Int, remaining: Int)] = [:]
    }

    private let state = Locked(State())
    let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    func record(_ push: LinePush) { state.withLock { $0.line.append(push) } }
    func record(_ post: SlackPost) { state.withLock { $0.slack.append(post) } }
    func record(_ email: Email) { state.withLock { $0.email.append(email) } }

    var linePushes: [LinePush] { state.withLock { $0.line } }
    var slackPosts: [SlackPost] { state.withLock { $0.slack } }
    var emails: [Email] { state.withLock { $0.email } }

    /// The next `count` requests to `channel` answer `status`.
    func failNext(_ channel: Channel, status: Int, count: Int) {
        state.withLock { $0.failures[channel] = count > 0 ? (status, count) : nil }
    }

    /// The status this request must answer instead of being served, if a failure was asked for; counts it.
    func takeFailure(_ channel: Channel) -> Int? {
        state.withLock { state in
            guard let failure = state.failures[channel] else { return nil }
            state.failures[channel] = failure.remaining > 1 ? (failure.status, failure.remaining - 1) : nil
            return failure.status
        }
    }

    /// `{"line":[{"time","to","text","messages","retry_key"}],"slack":[{"time","hook","text","blocks"}],
    /// "email":[{"time","from","to","subject","body","authenticated_as"}]}`.
    var json: JSONValue {
        let snapshot = state.withLock { ($0.line, $0.slack, $0.email) }
        func time(_ date: Date) -> JSONValue { .string(ISO8601DateFormatter().string(from: date)) }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            ("line", .array(snapshot.0.map { push in
                .object([("time", time(push.time)), ("to", .string(push.to)),
                         ("text", .string(push.texts.joined(separator: "\n"))),
                         ("messages", .array(push.texts.map(JSONValue.string))), ("retry_key", optional(push.retryKey))])
            })),
            ("slack", .array(snapshot.1.map { post in
                .object([("time", time(post.time)), ("hook", .string(post.hook)), ("text", optional(post.text)),
                         ("blocks", .int(Int64(post.blockCount)))])
            })),
            ("email", .array(snapshot.2.map { email in
                .object([("time", time(email.time)), ("from", .string(email.from)),
                         ("to", .array(email.to.map(JSONValue.string))), ("subject", .string(email.subject)),
                         ("body", .string(email.body)), ("authenticated_as", optional(email.authenticatedAs))])
            })),
        ])
    }
}
