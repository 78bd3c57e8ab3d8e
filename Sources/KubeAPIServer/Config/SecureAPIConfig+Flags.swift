extension SecureAPIConfig {
    /// The kube-apiserver flags this configuration understands, without
    /// dashes, so the CLI can offer them under the names operators know.
    public static let flagNames = [
        "secure-listen", "bind-address", "secure-port",
        "tls-cert-file", "tls-private-key-file", "client-ca-file",
        "requestheader-client-ca-file", "requestheader-allowed-names",
        "requestheader-username-headers", "requestheader-group-headers",
        "requestheader-extra-headers-prefix", "token-auth-file",
    ]

    private static let listFlags: Set<String> = [
        "requestheader-allowed-names", "requestheader-username-headers",
        "requestheader-group-headers", "requestheader-extra-headers-prefix",
    ]

    /// Applies command-line flags in order, as kube-apiserver reads them:
    /// list flags take comma-separated values, the first occurrence replaces
    /// the configured list and later occurrences append to it. Names may
    /// carry leading dashes.
    public mutating func apply(flags: [(name: String, value: String)]) throws(SecureAPIConfigError) {
        var replaced: Set<String> = []
        for (rawName, value) in flags {
            let name = Self.normalizedFlagName(rawName)
            if Self.listFlags.contains(name) {
                let values = value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                try applyList(name, values, append: replaced.contains(name))
                replaced.insert(name)
            } else {
                try apply(flag: name, value: value)
            }
        }
    }

    /// Applies one flag; a list flag replaces the whole list.
    public mutating func apply(flag rawName: String, value: String) throws(SecureAPIConfigError) {
        let name = Self.normalizedFlagName(rawName)
        let path = value.isEmpty ? nil : value
        switch name {
        case "secure-listen":
            listen = try ListenAddress(parsing: value)
        case "bind-address":
            guard !value.isEmpty else { throw .invalidFlagValue(name, value, "empty address") }
            listen.host = value.hasPrefix("[") && value.hasSuffix("]") ? String(value.dropFirst().dropLast()) : value
        case "secure-port":
            guard let port = Int(value), (0...65535).contains(port) else {
                throw .invalidFlagValue(name, value, "a port is a number in 0...65535")
            }
            listen.port = port
        case "tls-cert-file":
            tls = path.map { TLSFiles(certFile: $0, keyFile: tls?.keyFile ?? "") }
        case "tls-private-key-file":
            tls = path.map { TLSFiles(certFile: tls?.certFile ?? "", keyFile: $0) }
        case "client-ca-file":
            clientCAFile = path
        case "requestheader-client-ca-file":
            requestHeader.clientCAFile = path
        case "token-auth-file":
            tokenAuthFile = path
        case _ where Self.listFlags.contains(name):
            let values = value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            try applyList(name, values, append: false)
        default:
            throw .unknownFlag(name)
        }
    }

    private mutating func applyList(_ name: String, _ values: [String], append: Bool) throws(SecureAPIConfigError) {
        func merged(_ current: [String]) -> [String] { append ? current + values : values }
        switch name {
        case "requestheader-allowed-names": requestHeader.allowedNames = merged(requestHeader.allowedNames)
        case "requestheader-username-headers": requestHeader.usernameHeaders = merged(requestHeader.usernameHeaders)
        case "requestheader-group-headers": requestHeader.groupHeaders = merged(requestHeader.groupHeaders)
        case "requestheader-extra-headers-prefix": requestHeader.extraHeadersPrefix = merged(requestHeader.extraHeadersPrefix)
        default: throw .unknownFlag(name)
        }
    }

    private static func normalizedFlagName(_ name: String) -> String {
        String(name.drop { $0 == "-" })
    }

    /// Checks what can be checked without touching files: a half-given
    /// serving certificate, header names, a front-proxy CA without username
    /// headers.
    public func validate() throws(SecureAPIConfigError) {
        if let tls {
            if tls.certFile.isEmpty { throw .incompleteTLS(missing: "--tls-cert-file") }
            if tls.keyFile.isEmpty { throw .incompleteTLS(missing: "--tls-private-key-file") }
        }
        guard (0...65535).contains(listen.port) else { throw .invalidListenAddress(listen.description) }
        let headerSettings: [(String, [String])] = [
            ("requestheader-username-headers", requestHeader.usernameHeaders),
            ("requestheader-group-headers", requestHeader.groupHeaders),
            ("requestheader-extra-headers-prefix", requestHeader.extraHeadersPrefix),
        ]
        for (setting, names) in headerSettings {
            for name in names where !HTTPHeaderName.isValid(name) {
                throw .invalidHeaderName(setting: setting, name: name)
            }
        }
        if (requestHeader.clientCAFile != nil || delegated) && requestHeader.usernameHeaders.isEmpty {
            throw .missingUsernameHeaders
        }
    }
}

/// RFC 9110 `token` characters, the only ones a header name may use.
enum HTTPHeaderName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
