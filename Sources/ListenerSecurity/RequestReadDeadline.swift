import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request does not arrive whole within a time
/// limit of its first byte: a client trickling headers or a body a byte at
/// a time (slowloris) would otherwise hold a connection, and its buffers,
/// for as long as it keeps sending something before the idle timeout.
///
/// Sits below the HTTP decoder, where the first byte of a request is seen;
/// `RequestEnd`, above it, marks the request complete.
final class RequestReadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let timeout: TimeAmount
    private let logger: Logger
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if deadline == nil {
            let channel = context.channel
            let logger = self.logger
            let timeout = self.timeout
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                logger.debug("closing a connection whose request did not arrive within the read timeout",
                             metadata: ["remote": "\(channel.remoteAddress?.description ?? "?")", "timeout": "\(timeout)"])
                channel.close(promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    /// The request arrived whole: the next one starts its own deadline.
    func requestEnded() {
        deadline?.cancel()
        deadline = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        requestEnded()
        context.fireChannelInactive()
    }

    /// Marks the end of each request for the `RequestReadDeadline` below the decoder.
    final class RequestEnd: ChannelInboundHandler, RemovableChannelHandler, Sendable {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if case .end = unwrapInboundIn(data),
               let below = try? context.pipeline.syncOperations.handler(type: RequestReadDeadline.self) {
                below.requestEnded()
            }
            context.fireChannelRead(data)
        }
    }
}
