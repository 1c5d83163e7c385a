import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import OmnidashCore

/// A small SMTP submission client on SwiftNIO: EHLO, STARTTLS when the server offers it (or always, or never, as
/// configured), AUTH PLAIN or LOGIN, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. One message a connection:
/// alerts are few.
public struct SMTPClient: Sendable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var startTLS: EmailNotificationSettings.StartTLS
    /// The TLS settings after STARTTLS; the system's trust roots by default.
    public var tlsConfiguration: TLSConfiguration
    /// The whole conversation's limit.
    public var timeout: Duration
    /// The name this client gives in EHLO.
    public var clientName: String

    public init(host: String, port: Int, username: String? = nil, password: String? = nil,
                startTLS: EmailNotificationSettings.StartTLS = .auto,
                tlsConfiguration: TLSConfiguration = .makeClientConfiguration(), timeout: Duration = .seconds(30),
                clientName: String = "omnidash.localdomain") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.tlsConfiguration = tlsConfiguration
        self.timeout = timeout
        self.clientName = clientName
    }

    public init(_ settings: EmailNotificationSettings, tlsConfiguration: TLSConfiguration = .makeClientConfiguration()) {
        self.init(host: settings.smtpHost, port: settings.smtpPort, username: settings.username, password: settings.password,
                  startTLS: settings.startTLS, tlsConfiguration: tlsConfiguration)
    }

    /// What one delivery did: the server's last reply to DATA, and whether the connection was encrypted.
    public struct Receipt: Sendable, Equatable {
        public var reply: SMTPReply
        public var encrypted: Bool
    }

    /// Sends `message` to its recipients.
    ///
    /// - Throws: `SMTPError` naming the step and the server's reply, or the connection's error.
    @discardableResult
    public func send(_ message: MailMessage) async throws -> Receipt {
        let (stream, continuation) = AsyncThrowingStream<String, any Error>.makeStream()
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SMTPLineHandler(continuation))
                    }
                }
                .connect(host: host, port: port).get()
        } catch {
            throw SMTPError("smtp: cannot connect to \(host):\(port): \(error)")
        }
        let timedOut = TimeoutFlag()
        let watchdog = Task { [timeout] in
            try await Task.sleep(for: timeout)
            timedOut.set()
            channel.close(promise: nil)
        }
        defer {
            watchdog.cancel()
            channel.close(promise: nil)
        }
        var session = Session(channel: channel, replies: stream.makeAsyncIterator(), server: "\(host):\(port)")
        do {
            return try await converse(&session, message)
        } catch let error as SMTPError where timedOut.isSet {
            throw SMTPError("smtp: \(host):\(port) did not finish within \(timeout) (\(error.message))")
        } catch where timedOut.isSet {
            throw SMTPError("smtp: \(host):\(port) did not finish within \(timeout)")
        }
    }

    private func converse(_ session: inout Session, _ message: MailMessage) async throws -> Receipt {
        try session.expect(try await session.readReply(), 220, step: "greeting")
        var ehlo = try session.expect(try await session.command("EHLO \(clientName)"), 250, step: "EHLO")
        var encrypted = false
        let offered = ehlo.extensions.contains("STARTTLS")
        if startTLS == .required, !offered {
            throw SMTPError("smtp: \(session.server) does not offer STARTTLS, which starttls: required asks for")
        }
        if startTLS != .off, offered {
            try session.expect(try await session.command("STARTTLS"), 220, step: "STARTTLS")
            try await session.startTLS(configuration: tlsConfiguration, hostname: host)
            encrypted = true
            ehlo = try session.expect(try await session.command("EHLO \(clientName)"), 250, step: "EHLO after STARTTLS")
        }
        if let username, let password {
            try await authenticate(&session, mechanisms: ehlo.authMechanisms, username: username, password: password)
        }
        try session.expect(try await session.command("MAIL FROM:<\(message.from)>"), 250, step: "MAIL FROM")
        for recipient in message.to {
            let reply = try await session.command("RCPT TO:<\(recipient)>")
            guard reply.code == 250 || reply.code == 251 else {
                throw SMTPError("smtp: \(session.server) refused recipient \(recipient): \(reply.text)", code: reply.code)
            }
        }
        try session.expect(try await session.command("DATA"), 354, step: "DATA")
        try await session.write(MailMessage.dataPayload(message.rendered))
        let accepted = try session.expect(try await session.readReply(), 250, step: "the message")
        // The message is accepted: a QUIT that goes wrong changes nothing.
        _ = try? await session.command("QUIT")
        return Receipt(reply: accepted, encrypted: encrypted)
    }

    private func authenticate(_ session: inout Session, mechanisms: Set<String>, username: String,
                              password: String) async throws {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            guard !mechanisms.isEmpty else {
                throw SMTPError("smtp: \(session.server) offers no AUTH, yet a username is configured")
            }
            let reply = try await session.command("AUTH PLAIN " + base64("\u{0}\(username)\u{0}\(password)"))
            try session.expect(reply, 235, step: "AUTH PLAIN")
            return
        }
        try session.expect(try await session.command("AUTH LOGIN"), 334, step: "AUTH LOGIN")
        try session.expect(try await session.command(base64(username)), 334, step: "AUTH LOGIN username")
        try session.expect(try await session.command(base64(password)), 235, step: "AUTH LOGIN password")
    }

    /// The open connection and the replies still to read.
    private struct Session {
        let channel: any Channel
        var replies: AsyncThrowingStream<String, any Error>.AsyncIterator
        let server: String

        mutating func readReply() async throws -> SMTPReply {
            var lines: [String] = []
            while true {
                guard let line = try await replies.next() else {
                    throw SMTPError("smtp: \(server) closed the connection" + (lines.isEmpty ? "" : " mid-reply"))
                }
                let characters = Array(line)
                guard characters.count >= 3, let code = Int(String(characters[0..<3])) else {
                    throw SMTPError("smtp: \(server) sent '\(line.prefix(80))', which is not an SMTP reply")
                }
                lines.append(characters.count > 4 ? String(characters[4...]) : "")
                if characters.count == 3 || characters[3] == " " { return SMTPReply(code: code, lines: lines) }
            }
        }

        func write(_ text: String) async throws {
            try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        }

        /// Sends one command line and reads its reply. Errors name the step, never the line (it may hold credentials).
        mutating func command(_ line: String) async throws -> SMTPReply {
            try await write(line + "\r\n")
            return try await readReply()
        }

        @discardableResult
        func expect(_ reply: SMTPReply, _ code: Int, step: String) throws -> SMTPReply {
            guard reply.code == code else {
                throw SMTPError("smtp: \(server) refused \(step): \(reply.text)", code: reply.code)
            }
            return reply
        }

        /// Puts TLS under the line handler; everything after is encrypted. An IP address is checked against the
        /// certificate but sent as no SNI name (SNI takes host names only).
        func startTLS(configuration: TLSConfiguration, hostname: String) async throws {
            let context = try NIOSSLContext(configuration: configuration)
            let isAddress = (try? SocketAddress(ipAddress: hostname, port: 0)) != nil
            try await channel.eventLoop.submit { [channel] in
                let handler = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : hostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        }
    }
}

/// Set once by the watchdog, read by the conversation when it fails.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false

    func set() { lock.withLock { fired = true } }
    var isSet: Bool { lock.withLock { fired } }
}
