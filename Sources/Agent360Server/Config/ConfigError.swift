/// A configuration problem, located by file, line and key path.
///
/// Operators fix config files by line number, so every error that can point at
/// a place in the YAML does.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case syntax
        case unknownKey
        case missingKey
        case invalidValue
        case unreadableFile
    }

    private let code: Code
    /// Where the problem is, or nil for file-level problems.
    public let line: Int?
    public let column: Int?
    /// Dotted path of the key, e.g. `server.listen` or `rules.groups[0].interval`.
    public let keyPath: String
    public let message: String
    /// The file name to show, set once the file is known.
    public var file: String?

    public var isUnknownKey: Bool { code == .unknownKey }
    public var isMissingKey: Bool { code == .missingKey }
    public var isSyntaxError: Bool { code == .syntax }

    private init(_ code: Code, line: Int?, column: Int?, keyPath: String, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    static func syntax(line: Int?, column: Int?, _ message: String) -> ConfigError {
        ConfigError(.syntax, line: line, column: column, keyPath: "", message: message)
    }

    static func unknownKey(_ keyPath: String, line: Int?, column: Int?, allowed: [String]) -> ConfigError {
        let hint = allowed.isEmpty ? "" : " (allowed: \(allowed.joined(separator: ", ")))"
        return ConfigError(.unknownKey, line: line, column: column, keyPath: keyPath, message: "unknown key\(hint)")
    }

    static func missingKey(_ keyPath: String, line: Int?, column: Int?) -> ConfigError {
        ConfigError(.missingKey, line: line, column: column, keyPath: keyPath, message: "required key is missing")
    }

    static func invalidValue(_ keyPath: String, line: Int?, column: Int?, _ message: String) -> ConfigError {
        ConfigError(.invalidValue, line: line, column: column, keyPath: keyPath, message: message)
    }

    static func unreadable(_ file: String, _ message: String) -> ConfigError {
        var error = ConfigError(.unreadableFile, line: nil, column: nil, keyPath: "", message: message)
        error.file = file
        return error
    }

    public var description: String {
        var location = file ?? "config"
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let key = keyPath.isEmpty ? "" : " \(keyPath):"
        return "\(location):\(key) \(message)"
    }
}
