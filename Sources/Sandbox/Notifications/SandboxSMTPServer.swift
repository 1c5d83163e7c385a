import Foundation
import NIOCore
import NIOPosix

/// The Sandbox's SMTP server on loopback: plain TCP (it offers no STARTTLS), AUTH PLAIN and LOGIN with the credentials
/// it publishes, and every accepted message recorded in the outbox. Written from RFC 5321 and RFC 4954, not from
/// Omnidash's client.
final class SandboxSMTPServer: Sendable {
    let host: String
    let port: Int
    private let channel: any Channel

    private init(host: String, port: Int, channel: any Channel) {
        self.host = host
        self.port = port
        self.channel = channel
    }

    /// Listens on `host` at a free port.
    static func start(host: String, secrets: NotificationSecrets, outbox: NotificationOutbox) async throws -> SandboxSMTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPSessionHandler(secrets: secrets, outbox: outbox))
                }
            }
            .bind(host: host, port: 0).get()
        return SandboxSMTPServer(host: host, port: channel.localAddress?.port ?? 0, channel: channel)
    }

    func stop() async {
        try? await channel.close()
    }
}
