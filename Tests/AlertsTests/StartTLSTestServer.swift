import Crypto
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import X509

/// A self-signed certificate and its key, made for one test.
struct TestTLSIdentity {
    let certificate: NIOSSLCertificate
    let key: NIOSSLPrivateKey

    static func make(hostname: String) throws -> TestTLSIdentity {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName(hostname) }
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(3600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                SubjectAlternativeNames([.dnsName(hostname)])
            },
            issuerPrivateKey: .init(key))
        return TestTLSIdentity(
            certificate: try NIOSSLCertificate(bytes: Array(try certificate.serializeAsPEM().pemString.utf8), format: .pem),
            key: try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem))
    }
}

/// An SMTP server for the STARTTLS test: it offers STARTTLS, and AUTH (LOGIN only) once the connection is encrypted,
/// as real submission servers do; it records each message and whether it came over TLS.
final class StartTLSTestServer: Sendable {
    struct Received: Sendable {
        var data: String
        var encrypted: Bool
        var authenticated: Bool
    }

    let port: Int
    private let channel: any Channel
    private let store: ReceivedStore

    private init(port: Int, channel: any Channel, store: ReceivedStore) {
        self.port = port
        self.channel = channel
        self.store = store
    }

    var received: [Received] { store.all }

    static func start(identity: TestTLSIdentity) async throws -> StartTLSTestServer {
        let context = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(identity.certificate)], privateKey: .privateKey(identity.key)))
        let store = ReceivedStore()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Session(tls: context, store: store))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return StartTLSTestServer(port: channel.localAddress?.port ?? 0, channel: channel, store: store)
    }

    func stop() async { try? await channel.close() }

    final class ReceivedStore: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [Received] = []

        func append(_ message: Received) { lock.withLock { messages.append(message) } }
        var all: [Received] { lock.withLock { messages } }
    }

    private final class Session: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        let tls: NIOSSLContext
        let store: ReceivedStore
        var pending = ByteBuffer()
        var encrypted = false
        var authenticated = false
        var inData = false
        var data: [String] = []
        /// AUTH LOGIN's answers received so far.
        var login: [String]?

        init(tls: NIOSSLContext, store: ReceivedStore) {
            self.tls = tls
            self.store = store
        }

        func channelActive(context: ChannelHandlerContext) {
            send(context, "220 starttls.test ESMTP")
        }

        func channelRead(context: ChannelHandlerContext, data incoming: NIOAny) {
            var bytes = unwrapInboundIn(incoming)
            pending.writeBuffer(&bytes)
            while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                var line = pending.readString(length: newline - pending.readerIndex) ?? ""
                pending.moveReaderIndex(forwardBy: 1)
                if line.hasSuffix("\r") { line.removeLast() }
                handle(line, context: context)
            }
            pending.discardReadBytes()
        }

        func handle(_ line: String, context: ChannelHandlerContext) {
            if inData {
                if line == "." {
                    inData = false
                    store.append(Received(data: data.joined(separator: "\r\n"), encrypted: encrypted, authenticated: authenticated))
                    send(context, "250 queued")
                } else {
                    data.append(line)
                }
                return
            }
            if var answers = login {
                answers.append(String(decoding: Data(base64Encoded: line) ?? Data(), as: UTF8.self))
                if answers.count == 1 {
                    login = answers
                    return send(context, "334 UGFzc3dvcmQ6")
                }
                login = nil
                authenticated = answers == ["alerts", "secret"]
                return send(context, authenticated ? "235 ok" : "535 no")
            }
            let verb = line.prefix(while: { $0 != " " }).uppercased()
            switch verb {
            case "EHLO":
                send(context, encrypted ? "250-starttls.test\r\n250 AUTH LOGIN" : "250-starttls.test\r\n250 STARTTLS")
            case "STARTTLS":
                send(context, "220 Ready to start TLS")
                // The reply above is already on its way in plain text; everything after is encrypted.
                let handler = NIOSSLServerHandler(context: tls)
                try? context.pipeline.syncOperations.addHandler(handler, position: .first)
                encrypted = true
            case "AUTH":
                guard encrypted else { return send(context, "538 5.7.11 Encryption required for requested authentication mechanism") }
                guard line.uppercased() == "AUTH LOGIN" else { return send(context, "504 5.5.4 Unrecognized authentication type") }
                login = []
                send(context, "334 VXNlcm5hbWU6")
            case "MAIL":
                send(context, authenticated ? "250 ok" : "530 5.7.0 Authentication required")
            case "RCPT": send(context, "250 ok")
            case "DATA":
                inData = true
                data = []
                send(context, "354 go ahead")
            case "QUIT":
                send(context, "221 bye")
                context.close(promise: nil)
            default: send(context, "500 unknown")
            }
        }

        func send(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
    }
}
