import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// The plain listener's connections: TLS with the context `WebSecurity`
/// holds at that moment (a rotated certificate serves from the next
/// handshake; HummingbirdTLS's `TLSChannel` fixes one for the listener's
/// life), then a deadline on reading each request (`RequestReadDeadline`),
/// then HTTP/1.1.
struct PlainListenerChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let security: WebSecurity?
    let readTimeout: TimeAmount?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            if let security, security.servesTLS, let tls = security.current.tls {
                try channel.pipeline.syncOperations.addHandler(tls.handler())
            }
            if let readTimeout {
                try channel.pipeline.syncOperations.addHandler(RequestReadDeadline(timeout: readTimeout, logger: logger))
            }
        }.flatMap {
            self.base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Base.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 for the plain listener: in TLS when `security` was started
    /// with a certificate, and with `readTimeout` for each request to arrive
    /// whole once its first byte has.
    public static func plainListener(_ configuration: HTTP1Channel.Configuration, security: WebSecurity?,
                                     readTimeout: TimeAmount?) -> HTTPServerBuilder {
        var configuration = configuration
        if readTimeout != nil {
            let others = configuration.additionalChannelHandlers
            configuration.additionalChannelHandlers = { others() + [RequestReadDeadline.RequestEnd()] }
        }
        let http = configuration
        return HTTPServerBuilder { responder in
            PlainListenerChannel(base: HTTP1Channel(responder: responder, configuration: http),
                                 security: security, readTimeout: readTimeout)
        }
    }
}
