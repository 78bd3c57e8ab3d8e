import Hummingbird
import NIOCore
import NIOSSL
import X509

/// Request context that keeps the connection, so the handler can fetch the
/// client's certificate chain recorded during the TLS handshake.
///
/// The context is built off the event loop, where the pipeline cannot be
/// read synchronously; `presentedCertificates()` hops to the loop instead.
public struct SecureRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// The chain as X.509 certificates, leaf first; empty when the client
    /// sent none. A certificate that cannot be parsed empties the chain
    /// (it could never verify) and is reported in `unparsable`.
    func presentedCertificates() async -> (chain: [Certificate], unparsable: String?) {
        let raw: [NIOSSLCertificate]
        do {
            raw = try await channel.pipeline.handler(type: PresentedCertificateChain.self).map(\.chain).get()
        } catch {
            return ([], nil)  // no TLS recorder on this channel (never the case when serving HTTPS)
        }
        do {
            return (try raw.map { try Certificate(derEncoded: try $0.toDERBytes()) }, nil)
        } catch {
            return ([], "client certificate cannot be parsed: \(error)")
        }
    }
}
