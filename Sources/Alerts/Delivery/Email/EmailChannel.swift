import Foundation
import NIOSSL
import OmnidashCore

/// E-mail over SMTP: one message an alert, to every configured recipient at once.
struct EmailChannel: AlertChannel {
    let settings: EmailNotificationSettings
    let client: SMTPClient
    let now: @Sendable () -> Date

    var name: String { "email" }
    var targets: [String] { [settings.to.joined(separator: ", ")] }

    func send(_ message: AlertMessage, to target: String, deliveryKey: String) async throws(DeliveryFailure) -> Int? {
        let mail = MailMessage(from: settings.from, to: settings.to, subject: message.subject,
                               body: message.text + "\n", date: now(), messageID: deliveryKey)
        do {
            return try await client.send(mail).reply.code
        } catch let error as SMTPError {
            // A 4xx reply or a lost connection may pass; a 5xx reply (bad address, refused login) will not.
            let retryable = error.code.map { (400..<500).contains($0) } ?? true
            throw DeliveryFailure("email: " + error.message.replacingOccurrences(of: "smtp: ", with: "smtp "),
                                  responseCode: error.code, retryable: retryable)
        } catch {
            throw DeliveryFailure("email: smtp \(settings.smtpHost):\(settings.smtpPort): \(error)", retryable: true)
        }
    }
}
