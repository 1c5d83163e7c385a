import NIOCore

/// Splits what the server sends into CRLF-terminated lines and hands them to the client's stream; the stream ends
/// when the connection closes, or with the error that closed it.
final class SMTPLineHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let lines: AsyncThrowingStream<String, any Error>.Continuation
    private var pending = ByteBuffer()
    /// A longer line is not SMTP (RFC 5321 allows 512 octets for a reply line).
    static let maximumLineLength = 4_096

    init(_ lines: AsyncThrowingStream<String, any Error>.Continuation) {
        self.lines = lines
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - pending.readerIndex
            var line = pending.readString(length: length) ?? ""
            pending.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            lines.yield(line)
        }
        if pending.readableBytes > Self.maximumLineLength {
            lines.finish(throwing: SMTPError("the server sent a line longer than \(Self.maximumLineLength) bytes"))
            context.close(promise: nil)
        }
        pending.discardReadBytes()
    }

    func channelInactive(context: ChannelHandlerContext) {
        lines.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lines.finish(throwing: error)
        context.close(promise: nil)
    }
}
