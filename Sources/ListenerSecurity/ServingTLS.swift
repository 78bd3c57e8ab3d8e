import NIOSSL

/// An OpenSSL server context built from `tls_server_config`, with the
/// client-certificate policy Go's `ClientAuthType` names.
public struct ServingTLS: Sendable {
    public let context: NIOSSLContext
    /// Set for the two policies that ask for a certificate without judging
    /// it: every presented chain is accepted.
    let acceptAnyCertificate: Bool

    public init(_ config: TLSServerConfig) throws(WebConfigError) {
        guard config.minVersion <= config.maxVersion else {
            throw WebConfigError.invalidTLS("min_version \(config.minVersion.rawValue) is above max_version \(config.maxVersion.rawValue)")
        }
        if config.clientCAPEM != nil && config.clientAuth == .noClientCert {
            throw WebConfigError.invalidTLS("client_ca_file is set but client_auth_type is NoClientCert (Client CA's have been configured without a Client Auth Policy)")
        }
        if config.clientAuth.verifies && config.clientCAPEM == nil {
            throw WebConfigError.invalidTLS("client_auth_type \(config.clientAuth.rawValue) needs client_ca_file")
        }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(config.certificatePEM.utf8))
        } catch {
            throw WebConfigError.invalidTLS("cert_file holds no usable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw WebConfigError.invalidTLS("cert_file holds no PEM certificate") }
        do {
            key = try NIOSSLPrivateKey(bytes: Array(config.keyPEM.utf8), format: .pem)
        } catch {
            throw WebConfigError.invalidTLS("key_file holds no usable PEM private key (\(error))")
        }
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                           privateKey: .privateKey(key))
        tls.minimumTLSVersion = config.minVersion.nio
        tls.maximumTLSVersion = config.maxVersion.nio
        tls.applicationProtocols = ["http/1.1"]
        tls.shutdownTimeout = .seconds(1)
        switch config.clientAuth {
        case .noClientCert:
            tls.certificateVerification = .none
        case .requestClientCert, .verifyClientCertIfGiven:
            tls.certificateVerification = .optionalVerification
        case .requireAnyClientCert, .requireAndVerifyClientCert:
            tls.certificateVerification = .noHostnameVerification
        }
        if let caPEM = config.clientCAPEM {
            let roots: [NIOSSLCertificate]
            do {
                roots = try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8))
            } catch {
                throw WebConfigError.invalidTLS("client_ca_file holds no usable PEM certificate (\(error))")
            }
            guard !roots.isEmpty else { throw WebConfigError.invalidTLS("client_ca_file holds no PEM certificate") }
            tls.trustRoots = .certificates(roots)
            tls.sendCANameList = true
        } else if config.clientAuth != .noClientCert {
            tls.trustRoots = .certificates([])
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw WebConfigError.invalidTLS("OpenSSL refused the certificate and key (\(error))")
        }
        acceptAnyCertificate = config.clientAuth == .requestClientCert || config.clientAuth == .requireAnyClientCert
    }

    /// The handler for one new connection.
    func handler() -> NIOSSLServerHandler {
        guard acceptAnyCertificate else { return NIOSSLServerHandler(context: context) }
        return NIOSSLServerHandler(context: context, customVerificationCallback: { _, promise in
            promise.succeed(.certificateVerified)
        })
    }
}

extension TLSProtocolVersion {
    var nio: TLSVersion {
        switch self {
        case .tls10: .tlsv1
        case .tls11: .tlsv11
        case .tls12: .tlsv12
        case .tls13: .tlsv13
        }
    }
}
