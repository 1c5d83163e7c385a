import Foundation
import NIOCore

/// One SMTP conversation with the Sandbox's server, on its event loop: the commands of RFC 5321 a submission client
/// uses, AUTH PLAIN and LOGIN (RFC 4954), DATA with the dot-stuffing undone, and the message recorded on `.`.
final class SMTPSessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let serverName = "smtp.omnidash.sandbox"
    /// Largest message accepted (the SIZE the server advertises).
    static let maximumMessageSize = 10 * 1024 * 1024

    private enum Phase {
        case command
        case authPlain
        case authLoginUsername
        case authLoginPassword(username: String)
        case data
    }

    private let secrets: NotificationSecrets
    private let outbox: NotificationOutbox
    private var pending = ByteBuffer()
    private var phase = Phase.command
    private var greeted = false
    private var authenticatedAs: String?
    private var mailFrom: String?
    private var recipients: [String] = []
    private var dataLines: [String] = []
    private var dataSize = 0

    init(secrets: NotificationSecrets, outbox: NotificationOutbox) {
        self.secrets = secrets
        self.outbox = outbox
    }

    func channelActive(context: ChannelHandlerContext) {
        reply(context, "220 \(Self.serverName) ESMTP omnidash-sandbox")
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pending.readString(length: newline - pending.readerIndex) ?? ""
            pending.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            handle(line, context: context)
        }
        if pending.readableBytes > 64 * 1024 {
            reply(context, "500 5.5.6 Line too long")
            context.close(promise: nil)
        }
        pending.discardReadBytes()
    }

    private func handle(_ line: String, context: ChannelHandlerContext) {
        switch phase {
        case .data: dataLine(line, context: context)
        case .authPlain:
            phase = .command
            authenticatePlain(line, context: context)
        case .authLoginUsername:
            guard let username = Self.decodeBase64(line) else { return authFailed(context, "501 5.5.2 Cannot decode response") }
            phase = .authLoginPassword(username: username)
            reply(context, "334 UGFzc3dvcmQ6")
        case .authLoginPassword(let username):
            phase = .command
            guard let password = Self.decodeBase64(line) else { return authFailed(context, "501 5.5.2 Cannot decode response") }
            finishAuthentication(username: username, password: password, context: context)
        case .command: command(line, context: context)
        }
    }

    private func command(_ line: String, context: ChannelHandlerContext) {
        let verb = line.prefix(while: { $0 != " " }).uppercased()
        let argument = line.dropFirst(verb.count).trimmingCharacters(in: .whitespaces)
        switch verb {
        case "EHLO":
            greeted = true
            resetTransaction()
            reply(context, "250-\(Self.serverName) greets \(argument)\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n"
                + "250-SIZE \(Self.maximumMessageSize)\r\n250 AUTH PLAIN LOGIN")
        case "HELO":
            greeted = true
            resetTransaction()
            reply(context, "250 \(Self.serverName)")
        case "AUTH":
            guard greeted else { return reply(context, "503 5.5.1 EHLO first") }
            guard authenticatedAs == nil else { return reply(context, "503 5.5.1 Already authenticated") }
            let parts = argument.split(separator: " ").map(String.init)
            switch parts.first?.uppercased() {
            case "PLAIN":
                if parts.count > 1 { authenticatePlain(parts[1], context: context) } else {
                    phase = .authPlain
                    reply(context, "334 ")
                }
            case "LOGIN":
                if parts.count > 1 {
                    guard let username = Self.decodeBase64(parts[1]) else { return authFailed(context, "501 5.5.2 Cannot decode response") }
                    phase = .authLoginPassword(username: username)
                    reply(context, "334 UGFzc3dvcmQ6")
                } else {
                    phase = .authLoginUsername
                    reply(context, "334 VXNlcm5hbWU6")
                }
            default: reply(context, "504 5.5.4 Unrecognized authentication type")
            }
        case "MAIL":
            guard greeted else { return reply(context, "503 5.5.1 EHLO first") }
            guard authenticatedAs != nil else { return reply(context, "530 5.7.0 Authentication required") }
            guard let address = Self.address(argument, after: "FROM:") else { return reply(context, "501 5.1.7 Bad sender address syntax") }
            resetTransaction()
            mailFrom = address
            reply(context, "250 2.1.0 Sender OK")
        case "RCPT":
            guard mailFrom != nil else { return reply(context, "503 5.5.1 Need MAIL command") }
            guard let address = Self.address(argument, after: "TO:"), address.contains("@") else {
                return reply(context, "501 5.1.3 Bad recipient address syntax")
            }
            recipients.append(address)
            reply(context, "250 2.1.5 Recipient OK")
        case "DATA":
            guard mailFrom != nil else { return reply(context, "503 5.5.1 Need MAIL command") }
            guard !recipients.isEmpty else { return reply(context, "503 5.5.1 Need RCPT command") }
            phase = .data
            dataLines = []
            dataSize = 0
            reply(context, "354 End data with <CR><LF>.<CR><LF>")
        case "RSET":
            resetTransaction()
            reply(context, "250 2.0.0 OK")
        case "NOOP": reply(context, "250 2.0.0 OK")
        case "STARTTLS": reply(context, "502 5.5.1 STARTTLS is not offered here")
        case "QUIT":
            reply(context, "221 2.0.0 Bye")
            context.close(promise: nil)
        default: reply(context, "500 5.5.2 Command not recognized")
        }
    }

    private func dataLine(_ line: String, context: ChannelHandlerContext) {
        if line == "." {
            phase = .command
            guard dataSize <= Self.maximumMessageSize else {
                resetTransaction()
                return reply(context, "552 5.3.4 Message too big")
            }
            let message = ReceivedMail(lines: dataLines)
            outbox.record(NotificationOutbox.Email(time: outbox.clock(), from: mailFrom ?? "", to: recipients,
                                                   subject: message.subject, body: message.body, authenticatedAs: authenticatedAs))
            resetTransaction()
            reply(context, "250 2.0.0 OK queued as \(UUID().uuidString.prefix(8))")
            return
        }
        // RFC 5321 §4.5.2: a line the client started with an extra dot loses it.
        let unstuffed = line.hasPrefix(".") ? String(line.dropFirst()) : line
        dataSize += unstuffed.utf8.count + 2
        if dataSize <= Self.maximumMessageSize { dataLines.append(unstuffed) }
    }

    private func authenticatePlain(_ response: String, context: ChannelHandlerContext) {
        // authzid NUL authcid NUL password
        guard let decoded = Self.decodeBase64(response) else { return authFailed(context, "501 5.5.2 Cannot decode response") }
        let parts = decoded.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return authFailed(context, "501 5.5.2 Malformed PLAIN response") }
        finishAuthentication(username: parts[1], password: parts[2], context: context)
    }

    private func finishAuthentication(username: String, password: String, context: ChannelHandlerContext) {
        guard username == secrets.smtpUsername, password == secrets.smtpPassword else {
            return authFailed(context, "535 5.7.8 Authentication credentials invalid")
        }
        authenticatedAs = username
        reply(context, "235 2.7.0 Authentication successful")
    }

    private func authFailed(_ context: ChannelHandlerContext, _ text: String) {
        phase = .command
        reply(context, text)
    }

    private func resetTransaction() {
        mailFrom = nil
        recipients = []
        dataLines = []
        dataSize = 0
    }

    private func reply(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }

    /// `FROM:<a@b>` (parameters after it ignored) → `a@b`.
    static func address(_ argument: String, after keyword: String) -> String? {
        guard argument.uppercased().hasPrefix(keyword) else { return nil }
        let rest = argument.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("<"), let close = rest.firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: rest.startIndex)..<close])
    }

    static func decodeBase64(_ text: String) -> String? {
        Data(base64Encoded: text.trimmingCharacters(in: .whitespaces)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
