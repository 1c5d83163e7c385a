import AsyncHTTPClient
import Foundation
import OmnidashCore
import Testing
@testable import Sandbox

/// The Sandbox's notification endpoints as LINE's and Slack's documentation describe them, spoken to with plain HTTP.
@Suite("Sandbox notification endpoints")
struct NotificationEndpointTests {
    /// A POST with a raw body and any headers.
    static func post(_ url: String, body: String, headers: [String: String] = [:]) async throws -> SandboxTest.Reply {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(Array(body.utf8))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return SandboxTest.Reply(status: Int(response.status.code), headers: fields, body: Data(buffer.readableBytesView))
    }

    static func push(_ server: SandboxServer, token: String?, body: String, retryKey: String? = nil) async throws -> SandboxTest.Reply {
        var headers: [String: String] = [:]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        if let retryKey { headers["X-Line-Retry-Key"] = retryKey }
        return try await post(server.baseURL + "/v2/bot/message/push", body: body, headers: headers)
    }

    static func outbox(_ server: SandboxServer) async throws -> [String: Any] {
        try await SandboxTest.get(server.baseURL + "/_sandbox/outbox").json
    }

    @Test("the credentials name a LINE channel, a Slack hook and an SMTP server, and the configuration delivers to them")
    func credentialsAndConfiguration() async throws {
        try await SandboxTest.withServer { server in
            let served = try await SandboxTest.get(server.baseURL + "/_sandbox/credentials")
            let decoded = try JSONDecoder().decode(SandboxCredentials.self, from: served.body)
            let notifications = try #require(decoded.notifications)
            #expect(notifications == server.credentials.notifications)
            #expect(notifications.line.baseURL == server.baseURL)
            #expect(notifications.slack.webhookURL.hasPrefix(server.baseURL + "/services/T"))
            #expect(notifications.email.smtpHost == "127.0.0.1" && notifications.email.smtpPort > 0)
            let settings = server.credentials.configuration(warehouse: "x.sqlite").notifications
            #expect(settings.line?.channelAccessToken == notifications.line.channelAccessToken)
            #expect(settings.email?.smtpPort == notifications.email.smtpPort)
            #expect(settings.problems(at: "notifications").isEmpty)
        }
    }

    @Test("a LINE push with a wrong or missing token is refused 401 with LINE's message, and nothing is sent")
    func lineWrongToken() async throws {
        try await SandboxTest.withServer { server in
            let to = try #require(server.credentials.notifications?.line.to.first)
            let body = #"{"to":"\#(to)","messages":[{"type":"text","text":"hello"}]}"#
            let wrong = try await Self.push(server, token: "not-the-token", body: body)
            #expect(wrong.status == 401)
            #expect(try wrong.json["message"] as? String
                == "Authentication failed. Confirm that the access token in the authorization header is valid.")
            let missing = try await Self.push(server, token: nil, body: body)
            #expect(missing.status == 401)
            #expect((try missing.json["message"] as? String)?.hasPrefix("Authorization header required") == true)
            #expect((try await Self.outbox(server)["line"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a LINE push of the wrong shape is refused 400 with every problem in details")
    func lineBadShape() async throws {
        try await SandboxTest.withServer { server in
            let line = try #require(server.credentials.notifications?.line)
            let to = line.to[0]
            let empty = try await Self.push(server, token: line.channelAccessToken,
                                            body: #"{"to":"\#(to)","messages":[{"type":"text","text":""}]}"#)
            #expect(empty.status == 400)
            #expect(try empty.json["message"] as? String == "The request body has 1 error(s)")
            let detail = try #require((try empty.json["details"] as? [[String: Any]])?.first)
            #expect(detail["property"] as? String == "messages[0].text")
            #expect(detail["message"] as? String == "May not be empty")

            let six = (0..<6).map { _ in #"{"type":"text","text":"x"}"# }.joined(separator: ",")
            let tooMany = try await Self.push(server, token: line.channelAccessToken, body: #"{"messages":[\#(six)]}"#)
            #expect(tooMany.status == 400)
            #expect(try tooMany.json["message"] as? String == "The request body has 2 error(s)")
            let properties = (try tooMany.json["details"] as? [[String: Any]] ?? []).compactMap { $0["property"] as? String }
            #expect(Set(properties) == ["to", "messages"])

            let long = String(repeating: "ก", count: 5_001)
            let tooLong = try await Self.push(server, token: line.channelAccessToken,
                                              body: #"{"to":"\#(to)","messages":[{"type":"text","text":"\#(long)"}]}"#)
            #expect(tooLong.status == 400)

            let stranger = try await Self.push(server, token: line.channelAccessToken,
                                               body: #"{"to":"U00000000000000000000000000000000","messages":[{"type":"text","text":"x"}]}"#)
            #expect(stranger.status == 400)
            #expect((try stranger.json["message"] as? String)?.contains("'to'") == true)
            #expect((try await Self.outbox(server)["line"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a good LINE push answers 200 with sentMessages and a request id; its retry key makes a repeat 409, sent once")
    func linePushAndRetryKey() async throws {
        try await SandboxTest.withServer { server in
            let line = try #require(server.credentials.notifications?.line)
            let body = #"{"to":"\#(line.to[1])","messages":[{"type":"text","text":"ROAS ต่ำกว่าเป้า"}]}"#
            let key = "123e4567-e89b-42d3-a456-426614174000"
            let first = try await Self.push(server, token: line.channelAccessToken, body: body, retryKey: key)
            #expect(first.status == 200)
            #expect((try first.json["sentMessages"] as? [Any])?.count == 1)
            #expect(first.headers["x-line-request-id"]?.isEmpty == false)
            let repeated = try await Self.push(server, token: line.channelAccessToken, body: body, retryKey: key)
            #expect(repeated.status == 409)
            #expect(try repeated.json["message"] as? String == "The retry key is already accepted")
            let badKey = try await Self.push(server, token: line.channelAccessToken, body: body, retryKey: "not-a-uuid")
            #expect(badKey.status == 400)

            let pushes = try #require(try await Self.outbox(server)["line"] as? [[String: Any]])
            #expect(pushes.count == 1)
            #expect(pushes.first?["to"] as? String == line.to[1])
            #expect(pushes.first?["text"] as? String == "ROAS ต่ำกว่าเป้า")
        }
    }

    @Test("the Slack webhook answers ok, invalid_payload, no_text, and no_service for a hook it does not know")
    func slackWebhook() async throws {
        try await SandboxTest.withServer { server in
            let hook = try #require(server.credentials.notifications?.slack.webhookURL)
            let good = try await Self.post(hook, body: #"{"text":"Revenue dropped","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"x"}}]}"#)
            #expect(good.status == 200 && good.text == "ok")
            let notJSON = try await Self.post(hook, body: "text=hello")
            #expect(notJSON.status == 400 && notJSON.text == "invalid_payload")
            let noText = try await Self.post(hook, body: #"{"username":"omnidash"}"#)
            #expect(noText.status == 400 && noText.text == "no_text")
            let unknown = try await Self.post(server.baseURL + "/services/T0000000000/B0000000000/wrongsecret", body: #"{"text":"x"}"#)
            #expect(unknown.status == 404 && unknown.text == "no_service")

            let posts = try #require(try await Self.outbox(server)["slack"] as? [[String: Any]])
            #expect(posts.count == 1)
            #expect(posts.first?["text"] as? String == "Revenue dropped")
            #expect(SandboxTest.int64(posts.first?["blocks"]) == 1)
        }
    }

    @Test("the fault knob fails the next requests to a channel with the status asked for, then serves again")
    func faultKnob() async throws {
        try await SandboxTest.withServer { server in
            let hook = try #require(server.credentials.notifications?.slack.webhookURL)
            let set = try await Self.post(server.baseURL + "/_sandbox/outbox/faults?channel=slack&status=503&count=2", body: "")
            #expect(set.status == 200)
            #expect(try await Self.post(hook, body: #"{"text":"a"}"#).status == 503)
            #expect(try await Self.post(hook, body: #"{"text":"a"}"#).status == 503)
            #expect(try await Self.post(hook, body: #"{"text":"a"}"#).status == 200)
            let bad = try await Self.post(server.baseURL + "/_sandbox/outbox/faults?channel=fax&status=503", body: "")
            #expect(bad.status == 400)
        }
    }
}
