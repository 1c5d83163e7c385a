import Foundation
import NIOSSL
import OmnidashCore
import Sandbox
import Testing
@testable import Alerts

/// The SMTP client against the Sandbox's SMTP server (plain TCP on loopback) and against a TLS listener of the
/// test's own that offers STARTTLS.
@Suite("SMTP delivery")
struct DeliverySMTPTests {
    static func client(_ email: NotificationSandboxCredentials.Email, password: String? = nil,
                       startTLS: EmailNotificationSettings.StartTLS = .auto) -> SMTPClient {
        SMTPClient(host: email.smtpHost, port: email.smtpPort, username: email.username, password: password ?? email.password,
                   startTLS: startTLS, timeout: .seconds(60))
    }

    @Test("a message with a Thai subject and dotted lines arrives at the Sandbox exactly as written")
    func sendsToSandbox() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            let body = "บรรทัดแรก\n.a line that starts with a dot\n..and two\nlast"
            let message = MailMessage(from: credentials.email.from, to: credentials.email.to,
                                      subject: "[Omnidash] เตือน: รายได้ลดลง – All shops", body: body, date: Date())
            let receipt = try await Self.client(credentials.email).send(message)
            #expect(receipt.reply.code == 250 && !receipt.encrypted)
            let email = try #require(try await DeliveryTest.outbox(server)["email"]?.first)
            #expect(email["subject"] as? String == "[Omnidash] เตือน: รายได้ลดลง – All shops")
            #expect(email["body"] as? String == body)
            #expect(email["from"] as? String == credentials.email.from)
        }
    }

    @Test("a wrong password is refused 535 and nothing arrives")
    func wrongPassword() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            let message = MailMessage(from: credentials.email.from, to: credentials.email.to, subject: "x", body: "x", date: Date())
            await #expect(throws: SMTPError.self) {
                try await Self.client(credentials.email, password: "wrong").send(message)
            }
            do {
                try await Self.client(credentials.email, password: "wrong").send(message)
            } catch let error as SMTPError {
                #expect(error.code == 535)
                #expect(error.message.contains("AUTH PLAIN"))
            }
            let outboxNow = try await DeliveryTest.outbox(server)
            #expect(outboxNow["email"]?.isEmpty == true)
        }
    }

    @Test("starttls: required refuses a server that does not offer STARTTLS, before any password is sent")
    func requiredStartTLS() async throws {
        try await DeliveryTest.withSandbox { server, credentials in
            let message = MailMessage(from: credentials.email.from, to: credentials.email.to, subject: "x", body: "x", date: Date())
            do {
                try await Self.client(credentials.email, startTLS: .required).send(message)
                Issue.record("sent over a server without STARTTLS")
            } catch let error as SMTPError {
                #expect(error.message.contains("does not offer STARTTLS"))
            }
            let outboxNow = try await DeliveryTest.outbox(server)
            #expect(outboxNow["email"]?.isEmpty == true)
        }
    }

    @Test("a failed e-mail delivery is retried on a lost connection and reported with the server's address")
    func unreachableServer() async throws {
        // A port nothing listens on: the Sandbox's, once it has stopped.
        let port = try await DeliveryTest.withSandbox { _, credentials in credentials.email.smtpPort }
        let settings = NotificationSettings(email: EmailNotificationSettings(
            smtpHost: "127.0.0.1", smtpPort: port, from: "a@shop.example", to: ["b@shop.example"], startTLS: .off))
        let outcome = await DeliveryTest.dispatcher(settings, retry: .fast).deliver([DeliveryTest.roasAlert], now: Date()).first
        #expect(outcome?.delivered == false && outcome?.attempts == DeliveryRetryPolicy.fast.maxAttempts)
        #expect(outcome?.error?.contains("127.0.0.1:\(port)") == true)
    }

    @Test("STARTTLS offered: the client upgrades, checks the certificate, then authenticates (AUTH LOGIN) and sends inside TLS")
    func startTLS() async throws {
        let identity = try TestTLSIdentity.make(hostname: "localhost")
        let listener = try await StartTLSTestServer.start(identity: identity)
        defer { Task { await listener.stop() } }
        var trusting = TLSConfiguration.makeClientConfiguration()
        trusting.trustRoots = .certificates([identity.certificate])
        let message = MailMessage(from: "alerts@shop.example", to: ["owner@shop.example"], subject: "วิกฤต: ROAS ต่ำกว่าเป้า",
                                  body: "ROAS 1.24", date: Date())
        let client = SMTPClient(host: "localhost", port: listener.port, username: "alerts", password: "secret",
                                startTLS: .auto, tlsConfiguration: trusting, timeout: .seconds(60))
        let receipt = try await client.send(message)
        #expect(receipt.encrypted)
        let received = try #require(listener.received.first)
        #expect(received.encrypted && received.authenticated)
        #expect(received.data.contains("Subject: =?UTF-8?B?"))

        // The system's trust roots do not know the test's certificate: nothing is sent.
        let distrusting = SMTPClient(host: "localhost", port: listener.port, username: "alerts", password: "secret",
                                     startTLS: .auto, timeout: .seconds(60))
        await #expect(throws: (any Error).self) { try await distrusting.send(message) }
        #expect(listener.received.count == 1)

        // starttls: off sends in plain text, which this server refuses without TLS.
        let plain = SMTPClient(host: "localhost", port: listener.port, username: "alerts", password: "secret",
                               startTLS: .off, timeout: .seconds(60))
        await #expect(throws: SMTPError.self) { try await plain.send(message) }
    }
}
