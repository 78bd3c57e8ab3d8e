import Foundation
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate chain and key the server presents, as PEM.
public struct ServingIdentity: Sendable, Equatable {
    public var certificateChainPEM: String
    public var privateKeyPEM: String
    /// The CA of a generated certificate, for clients that want to verify
    /// the server (a kubeconfig's `certificate-authority-data`, an
    /// APIService `caBundle`); nil for certificates loaded from files.
    public var generatedAuthorityPEM: String?

    /// Reads `--tls-cert-file` / `--tls-private-key-file`, checking both
    /// parse so a bad file fails the start, not the first handshake.
    public static func load(_ files: TLSFiles) throws(PEMFileError) -> ServingIdentity {
        let chain = try PEMFile.readText(files.certFile)
        let key = try PEMFile.readText(files.keyFile)
        do {
            guard !(try NIOSSLCertificate.fromPEMBytes(Array(chain.utf8))).isEmpty else {
                throw PEMFileError(path: files.certFile, "contains no certificate")
            }
        } catch let error as PEMFileError {
            throw error
        } catch {
            throw PEMFileError(path: files.certFile, "not a PEM certificate chain: \(error)")
        }
        do {
            _ = try NIOSSLPrivateKey(bytes: Array(key.utf8), format: .pem)
        } catch {
            throw PEMFileError(path: files.keyFile, "not a PEM private key: \(error)")
        }
        return ServingIdentity(certificateChainPEM: chain, privateKeyPEM: key, generatedAuthorityPEM: nil)
    }

    /// A fresh CA and a serving certificate it signs, valid for a year, like
    /// kube-apiserver's self-signed certificates when no files are given.
    /// The CA's key is dropped: nothing else can ever be signed with it.
    public static func generate(names: SelfSignedNames, hostName: String = ServingIdentity.localHostName(),
                                now: Date = Date()) throws -> ServingIdentity {
        let stamp = Int(now.timeIntervalSince1970)
        // Backdated an hour so a client whose clock lags still accepts it.
        let validity = DateInterval(start: now.addingTimeInterval(-3600), end: now.addingTimeInterval(365 * 24 * 3600))
        let authority = try IssuedCertificate.authority(commonName: "agent360-ca@\(stamp)", validity: validity)
        let leaf = try IssuedCertificate.issue(
            commonName: "agent360@\(stamp)", organizations: [], names: subjectAlternativeNames(names, hostName: hostName),
            usage: .server, validity: validity, issuer: authority)
        let authorityPEM = try authority.certificatePEM
        return ServingIdentity(
            certificateChainPEM: try leaf.certificatePEM + "\n" + authorityPEM,
            privateKeyPEM: leaf.privateKeyPEM,
            generatedAuthorityPEM: authorityPEM)
    }

    /// The kernel's host name (the pod name in Kubernetes), without the DNS
    /// lookup `ProcessInfo.hostName` makes, which can stall start-up for
    /// a resolver timeout.
    public static func localHostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// localhost, loopback addresses, the host name, the Service's names,
    /// then the extra names; without duplicates.
    static func subjectAlternativeNames(_ names: SelfSignedNames, hostName: String) -> [String] {
        var all = ["localhost", "127.0.0.1", "::1"]
        if !hostName.isEmpty { all.append(hostName) }
        if let service = names.serviceName, !service.isEmpty {
            all.append(service)
            if let namespace = names.serviceNamespace, !namespace.isEmpty {
                all += ["\(service).\(namespace)", "\(service).\(namespace).svc", "\(service).\(namespace).svc.cluster.local"]
            }
        }
        all += names.extraNames
        var seen: Set<String> = []
        return all.filter { seen.insert($0).inserted }
    }
}
