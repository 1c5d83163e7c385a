import Foundation
@testable import omnidash
import OmnidashCore
import Testing

/// `notifications:` in `omnidash.yaml`: secrets from the environment, defaults, typos and bad values named with their line.
@Suite("Notification settings in the configuration file")
struct NotificationSettingsFileTests {
    func load(_ text: String, environment: [String: String]) throws -> OmnidashConfiguration {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("omnidash-notify-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ConfigurationLoader.load(try GlobalOptions.parse(["--config", path]), environment: environment)
    }

    func error(_ text: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try load(text, environment: environment)
            return ""
        } catch {
            return "\(error)"
        }
    }

    static let file = """
        notifications:
          language: en
          line:
            channel_access_token: ${LINE_TOKEN}
            to: [U4af4980629a1b2c3d4e5f6a7b8c9d0e1]
          slack:
            webhook_url: ${SLACK_WEBHOOK_URL}
          email:
            smtp_host: smtp.example.com
            username: alerts@example.com
            password: ${SMTP_PASSWORD}
            from: alerts@example.com
            to: [owner@example.com]
            starttls: required

        """

    @Test("secrets come from the environment; unset keys take their defaults")
    func secretsFromEnvironment() throws {
        let settings = try load(Self.file, environment: [
            "LINE_TOKEN": "line-secret", "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T1/B1/abc", "SMTP_PASSWORD": "pw",
        ]).notifications
        #expect(settings.language == .en)
        #expect(settings.line?.channelAccessToken == "line-secret" && settings.line?.baseURL == "https://api.line.me")
        #expect(settings.slack?.webhookURL == "https://hooks.slack.com/services/T1/B1/abc")
        #expect(settings.email?.password == "pw" && settings.email?.smtpPort == 587 && settings.email?.startTLS == .required)
    }

    @Test("an unset secret, a misspelt key and a bad value are each named")
    func problemsAreNamed() {
        #expect(error(Self.file, environment: ["LINE_TOKEN": "x", "SMTP_PASSWORD": "pw"])
            .contains("environment variable SLACK_WEBHOOK_URL is not set"))
        #expect(error("notifications:\n  slack:\n    webhook_ur: https://hooks.slack.com/x\n")
            .contains("notifications.slack.webhook_ur: unknown key"))
        #expect(error("notifications:\n  email:\n    smtp_host: smtp.example.com\n    from: me\n    to: [a@b.co]\n")
            .contains("notifications.email.from: 'me' is not an e-mail address"))
        #expect(error("notifications:\n  language: fr\n").contains("language"))
    }
}
