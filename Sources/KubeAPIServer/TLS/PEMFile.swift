import Foundation
import SwiftASN1
import X509

/// Reading the PEM files the configuration names, with errors that say
/// which file and what was wrong in it.
enum PEMFile {
    static func readText(_ path: String) throws(PEMFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PEMFileError(path: path, "cannot read the file (missing or not readable)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every `CERTIFICATE` block of a bundle, in file order.
    static func certificates(_ path: String) throws(PEMFileError) -> [Certificate] {
        try certificates(pem: try readText(path), source: path)
    }

    static func certificates(pem: String, source: String) throws(PEMFileError) -> [Certificate] {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw PEMFileError(path: source, "not valid PEM: \(error)")
        }
        var certificates: [Certificate] = []
        for (index, document) in documents.enumerated() where document.discriminator == "CERTIFICATE" {
            do {
                certificates.append(try Certificate(derEncoded: document.derBytes))
            } catch {
                throw PEMFileError(path: source, "certificate #\(index + 1) cannot be parsed: \(error)")
            }
        }
        guard !certificates.isEmpty else { throw PEMFileError(path: source, "contains no CERTIFICATE block") }
        return certificates
    }
}

/// A certificate or key file that cannot be used.
public struct PEMFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
