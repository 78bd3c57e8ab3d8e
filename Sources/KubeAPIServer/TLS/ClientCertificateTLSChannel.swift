import HummingbirdCore
import Logging
import NIOCore
import NIOSSL
import Synchronization

/// Wraps a Hummingbird child channel in TLS that *asks* for a client
/// certificate but never requires or judges one.
///
/// The handshake accepts any certificate (or none): the server trusts two
/// CAs with different meanings, and a certificate from neither must still
/// reach the HTTP layer to be answered with a Kubernetes 401 `Status`, as
/// kube-apiserver does. The presented chain is recorded on the channel
/// (`PresentedCertificateChain`) for the authenticators to verify.
///
/// HummingbirdTLS's `TLSChannel` cannot be used: its verification callback
/// has no per-connection state to record the chain in.
struct ClientCertificateTLSChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let sslContext: NIOSSLContext
    let requestsClientCertificates: Bool

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let recorder = PresentedCertificateChain()
            let tls: NIOSSLServerHandler
            if requestsClientCertificates {
                tls = NIOSSLServerHandler(context: sslContext, customVerificationCallback: { certificates, promise in
                    recorder.record(certificates)
                    promise.succeed(.certificateVerified)
                })
            } else {
                tls = NIOSSLServerHandler(context: sslContext)
            }
            try channel.pipeline.syncOperations.addHandlers([tls, recorder])
        }.flatMap {
            self.base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Base.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// The certificates a client presented during the handshake of one
/// connection, unverified. Lives in the channel pipeline so a request
/// handler on any thread can find it (`pipeline.handler(type:)`) after the
/// handshake, which always precedes the first request.
final class PresentedCertificateChain: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    private let certificates = Mutex<[NIOSSLCertificate]>([])

    func record(_ chain: [NIOSSLCertificate]) {
        certificates.withLock { $0 = chain }
    }

    var chain: [NIOSSLCertificate] { certificates.withLock { $0 } }
}
