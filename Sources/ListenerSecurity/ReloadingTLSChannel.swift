import HummingbirdCore
import Logging
import NIOCore
import NIOSSL

/// Wraps each new connection in TLS with the context `WebSecurity` holds at
/// that moment, so a rotated certificate is served from the next handshake.
///
/// HummingbirdTLS's `TLSChannel` fixes one context for the listener's life.
struct ReloadingTLSChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let security: WebSecurity

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            guard let tls = security.current.tls else {
                throw ChannelError.operationUnsupported  // unreachable: TLS cannot be switched off while serving
            }
            try channel.pipeline.syncOperations.addHandler(tls.handler())
        }.flatMap {
            self.base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Base.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1, in TLS when `security` was started with a certificate.
    public static func http1(_ configuration: HTTP1Channel.Configuration, security: WebSecurity) -> HTTPServerBuilder {
        guard security.servesTLS else { return .http1(configuration: configuration) }
        return HTTPServerBuilder { responder in
            ReloadingTLSChannel(base: HTTP1Channel(responder: responder, configuration: configuration), security: security)
        }
    }
}
