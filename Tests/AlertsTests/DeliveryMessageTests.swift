import Foundation
import OmnidashCore
import Testing
@testable import Alerts

/// Messages in both languages, the e-mail's encodings, and the `notifications` settings.
@Suite("Alert messages and notification settings")
struct DeliveryMessageTests {
    @Test("a message carries title, subject, value against threshold, date, provisional note and an absolute link")
    func messageInBothLanguages() {
        let thai = AlertMessageTexts(.th).message(for: DeliveryTest.roasAlert, linkBaseURL: "https://dash.example/")
        #expect(thai.title == "วิกฤต: ROAS ต่ำกว่าเป้า")
        #expect(thai.lines.contains("ค่า: ROAS 1.24 เกณฑ์ 2.00"))
        #expect(thai.link == "https://dash.example/ads?from=2026-11-23&to=2026-11-29&campaign=120001")
        let english = AlertMessageTexts(.en).message(for: DeliveryTest.roasAlert, linkBaseURL: "https://dash.example")
        #expect(english.title == "Critical: ROAS below target")
        #expect(english.lines == ["About: Retargeting – Year End", "Value: ROAS 1.24, threshold 2.00", "Date: 2026-11-29",
                                  "Provisional: the platform may still restate this day's figures."])
        #expect(english.text.hasSuffix("Details: https://dash.example/ads?from=2026-11-23&to=2026-11-29&campaign=120001"))
    }

    @Test("figures are grouped in thousands; a ratio over nothing reads as a dash")
    func grouping() {
        #expect(AlertMessageTexts.grouped(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(AlertMessageTexts.grouped(-0.004, decimals: 2) == "0.00")
        #expect(AlertMessageTexts.grouped(-1_500, decimals: 0) == "-1,500")
        #expect(AlertMessageTexts.grouped(.infinity, decimals: 2) == "–")
    }

    @Test("a Thai subject becomes RFC 2047 encoded words of at most 75 characters that decode back")
    func encodedSubject() throws {
        let subject = "[Omnidash] วิกฤต: ROAS ต่ำกว่าเป้า – แคมเปญลดราคาปลายปี (2026-11-29)"
        let encoded = MailMessage.encodedHeader(subject)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = try words.map { word -> String in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return try #require(Data(base64Encoded: String(payload)).flatMap { String(data: $0, encoding: .utf8) })
        }.joined()
        #expect(decoded == subject)
        #expect(MailMessage.encodedHeader("Plain ASCII") == "Plain ASCII")
    }

    @Test("DATA doubles a leading dot on every line and ends with a lone dot")
    func dotStuffing() {
        let payload = MailMessage.dataPayload("Subject: x\r\n\r\n.hidden\nline\n..two\n.")
        #expect(payload == "Subject: x\r\n\r\n..hidden\r\nline\r\n...two\r\n..\r\n.\r\n")
    }

    @Test("the message's headers and base64 body in lines of at most 76 characters")
    func renderedMessage() throws {
        let body = String(repeating: "ข้อความภาษาไทย ", count: 40)
        let message = MailMessage(from: "alerts@shop.example", to: ["a@shop.example", "b@shop.example"], subject: "Hi",
                                  body: body, date: Date(timeIntervalSince1970: 1_800_000_000), messageID: "m1")
        let rendered = message.rendered
        #expect(rendered.contains("To: a@shop.example, b@shop.example\r\n"))
        #expect(rendered.contains("Message-ID: <m1@shop.example>\r\n"))
        #expect(rendered.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n"))
        let bodyLines = try #require(rendered.components(separatedBy: "\r\n\r\n").last).split(separator: "\r\n")
        #expect(bodyLines.allSatisfy { $0.count <= 76 })
        let decoded = Data(base64Encoded: bodyLines.joined()).flatMap { String(data: $0, encoding: .utf8) }
        #expect(decoded == body)
    }

    @Test("settings decode with defaults: Thai, port 587, STARTTLS auto, LINE's base URL")
    func settingsDefaults() throws {
        let json = """
            {"line":{"channel_access_token":"token","to":["U4af4980629a1b2c3d4e5f6a7b8c9d0e1"]},
             "slack":{"webhook_url":"https://hooks.slack.com/services/T1/B1/x"},
             "email":{"smtp_host":"smtp.example.com","from":"a@example.com","to":["b@example.com"]}}
            """
        let settings = try JSONDecoder().decode(NotificationSettings.self, from: Data(json.utf8))
        #expect(settings.language == .th)
        #expect(settings.line?.baseURL == "https://api.line.me")
        #expect(settings.email?.smtpPort == 587 && settings.email?.startTLS == .auto)
        #expect(settings.problems(at: "notifications").isEmpty)
        let empty = try JSONDecoder().decode(NotificationSettings.self, from: Data("{}".utf8))
        #expect(empty == NotificationSettings() && !empty.hasChannels)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NotificationSettings.self, from: Data(#"{"language":"fr"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(NotificationSettings.self, from: Data(#"{"email":{"starttls":"maybe"}}"#.utf8))
        }
    }

    @Test("settings survive being written out and read back, as configuration files are")
    func settingsRoundTrip() throws {
        let settings = NotificationSettings(
            language: .en, line: LineNotificationSettings(channelAccessToken: "t", to: ["C4af4980629a1b2c3d4e5f6a7b8c9d0e1"]),
            slack: SlackNotificationSettings(webhookURL: "https://hooks.slack.com/services/T1/B1/x"),
            email: EmailNotificationSettings(smtpHost: "127.0.0.1", smtpPort: 2525, from: "a@b.co", to: ["c@d.co"], startTLS: .off))
        let decoded = try JSONDecoder().decode(NotificationSettings.self, from: JSONEncoder().encode(settings))
        #expect(decoded == settings)
        let keys = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(settings.email)) as? [String: Any]).keys
        #expect(Set(keys) == ["smtp_host", "smtp_port", "from", "to", "starttls"])
    }

    @Test("problems name the key and what is wrong with it, one line each")
    func settingsProblems() {
        let settings = NotificationSettings(
            line: LineNotificationSettings(channelAccessToken: "", to: ["someone"]),
            slack: SlackNotificationSettings(webhookURL: "hooks.slack.com/services"),
            email: EmailNotificationSettings(smtpHost: "", smtpPort: 70_000, username: "u", from: "nobody", to: []))
        #expect(settings.problems(at: "notifications") == [
            "notifications.line.channel_access_token: must be set (use ${ENV_VAR})",
            "notifications.line.to[0]: 'someone' is not a LINE user, group or room id (U, C or R and 32 hex digits)",
            "notifications.slack.webhook_url: is not an http(s) URL",
            "notifications.email.smtp_host: must be set",
            "notifications.email.smtp_port: 70000 is not a TCP port",
            "notifications.email.from: 'nobody' is not an e-mail address",
            "notifications.email.to: list at least one recipient",
            "notifications.email: username and password go together; give both or neither",
        ])
        let configuration = OmnidashConfiguration(notifications: settings)
        #expect(throws: ConfigurationError.self) { try configuration.validate(requiringSources: false) }
    }

    @Test("the delivery key is a UUID, the same for one raise and target, different for the next raise")
    func deliveryKey() {
        let key = AlertDispatcher.deliveryKey(alertID: "a", raisedCount: 1, channel: "line", target: "U1")
        #expect(UUID(uuidString: key) != nil)
        #expect(key == AlertDispatcher.deliveryKey(alertID: "a", raisedCount: 1, channel: "line", target: "U1"))
        #expect(key != AlertDispatcher.deliveryKey(alertID: "a", raisedCount: 2, channel: "line", target: "U1"))
    }

    @Test("back-off doubles up to its cap and follows Retry-After")
    func backOff() {
        let policy = DeliveryRetryPolicy(maxAttempts: 5, baseDelay: .seconds(1), maxDelay: .seconds(4))
        #expect(policy.delay(afterAttempt: 1, hint: nil, jitter: 1) == .seconds(1))
        #expect(policy.delay(afterAttempt: 2, hint: nil, jitter: 1) == .seconds(2))
        #expect(policy.delay(afterAttempt: 5, hint: nil, jitter: 1) == .seconds(4))
        #expect(policy.delay(afterAttempt: 3, hint: nil, jitter: 0) == .seconds(2))
        #expect(policy.delay(afterAttempt: 1, hint: .seconds(30), jitter: 0) == .seconds(4))
    }
}
