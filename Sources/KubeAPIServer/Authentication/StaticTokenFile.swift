import Crypto

/// Bearer tokens from a kube-apiserver `--token-auth-file`:
/// `token,user,uid,"group1,group2"` per line.
///
/// Stricter than kube-apiserver, which only warns: an empty token, an
/// empty user name or a token listed twice is an error, because each is a
/// mistake that would otherwise surface as a puzzling 401 much later.
public struct StaticTokenFile: Sendable {
    public struct Entry: Sendable, Hashable {
        public var line: Int
        public var user: UserInfo
    }

    /// Keyed by the token's SHA-256, so lookups compare fixed-size digests
    /// rather than secrets of attacker-chosen length.
    private let entries: [SHA256Digest: Entry]

    public var count: Int { entries.count }

    /// - Parameter source: named in errors (usually the file path).
    public init(contents: String, source: String = "token file") throws(StaticTokenFileError) {
        let records: [CSVRecordReader.Record]
        do {
            records = try CSVRecordReader.records(in: contents)
        } catch {
            throw StaticTokenFileError(source: source, line: error.line, message: error.message)
        }
        var entries: [SHA256Digest: Entry] = [:]
        for record in records {
            func fail(_ message: String) -> StaticTokenFileError {
                StaticTokenFileError(source: source, line: record.line, message: message)
            }
            let fields = record.fields
            guard fields.count >= 3 else {
                throw fail("expected at least 3 columns (token, user name, user uid), found \(fields.count)")
            }
            guard fields.count <= 4 else {
                throw fail("expected at most 4 columns (token, user name, user uid, \"groups\"), found \(fields.count); "
                    + "quote the groups column when it lists several groups")
            }
            guard !fields[0].isEmpty else { throw fail("empty token") }
            guard !fields[1].isEmpty else { throw fail("empty user name") }
            let groups = fields.count == 4
                ? fields[3].split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                : []
            let digest = SHA256.hash(data: Array(fields[0].utf8))
            if let earlier = entries[digest] {
                throw fail("token is already defined on line \(earlier.line)")
            }
            entries[digest] = Entry(line: record.line, user: UserInfo(name: fields[1], uid: fields[2], groups: groups))
        }
        self.entries = entries
    }

    /// Reads and parses a token file.
    public init(path: String) throws(StaticTokenFileError) {
        let contents: String
        do {
            contents = try PEMFile.readText(path)
        } catch {
            throw StaticTokenFileError(source: path, line: nil, message: "\(error)")
        }
        try self.init(contents: contents, source: path)
    }

    /// The user a token belongs to, nil for an unknown token.
    public func user(forToken token: String) -> UserInfo? {
        entries[SHA256.hash(data: Array(token.utf8))]?.user
    }
}

/// A token file that cannot be used, with the line at fault.
public struct StaticTokenFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let source: String
    /// 1-based; nil when the file could not be read at all.
    public let line: Int?
    public let message: String

    public var description: String {
        line.map { "\(source):\($0): \(message)" } ?? "\(source): \(message)"
    }
}
