import Yams

/// Reads one YAML mapping key by key and refuses keys nobody asked for.
///
/// Typos such as `retension:` would otherwise be silently ignored and the
/// default used, which is the worst kind of configuration bug; so a section
/// is read through this type and `finish()` reports any key left unread.
struct YAMLMapping {
    let path: String
    let mark: Mark?
    private var entries: [(key: String, keyMark: Mark?, value: Node)] = []
    private var consumed: Set<String> = []
    private var asked: [String] = []

    init(_ node: Node, path: String) throws(ConfigError) {
        self.path = path
        self.mark = node.mark
        guard case .mapping(let mapping) = node else {
            if YAMLValue.isNull(node) {
                return  // an empty section such as `server:` reads as all defaults
            }
            throw ConfigError.invalidValue(path.isEmpty ? "(root)" : path, line: node.mark?.line, column: node.mark?.column,
                                           "expected a mapping of keys to values")
        }
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw ConfigError.invalidValue(path, line: key.mark?.line, column: key.mark?.column, "keys must be plain strings")
            }
            if !seen.insert(scalar.string).inserted {
                throw ConfigError.invalidValue(Self.join(path, scalar.string), line: key.mark?.line, column: key.mark?.column,
                                               "duplicate key")
            }
            entries.append((scalar.string, key.mark, value))
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func keyPath(_ key: String) -> String { Self.join(path, key) }

    /// The mapping's keys in file order (for maps keyed by user names).
    var keys: [String] { entries.map(\.key) }

    /// The raw node for `key`, marking it as read.
    mutating func node(_ key: String) -> Node? {
        asked.append(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        consumed.insert(key)
        return entry.value
    }

    /// Where `key`'s value starts, without marking it read.
    func peekMark(_ key: String) -> Mark? {
        entries.first { $0.key == key }?.value.mark
    }

    mutating func has(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// Fails on the first key that no reader asked for.
    func finish() throws(ConfigError) {
        for entry in entries where !consumed.contains(entry.key) {
            throw ConfigError.unknownKey(keyPath(entry.key), line: entry.keyMark?.line, column: entry.keyMark?.column,
                                         allowed: asked)
        }
    }

    // MARK: Typed values

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.string(node, keyPath(key))
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.bool(node, keyPath(key))
    }

    mutating func int(_ key: String, range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.int(node, keyPath(key), range: range)
    }

    mutating func double(_ key: String, range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.double(node, keyPath(key), range: range)
    }

    mutating func duration(_ key: String, allowZero: Bool = false) throws(ConfigError) -> ConfigDuration? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.duration(node, keyPath(key), allowZero: allowZero)
    }

    mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let node = node(key) else { return nil }
        return try YAMLValue.sequence(node, keyPath(key)).enumerated().map { (index, item) throws(ConfigError) in
            try YAMLValue.string(item, "\(keyPath(key))[\(index)]")
        }
    }

    mutating func stringMap(_ key: String) throws(ConfigError) -> [String: String]? {
        guard let node = node(key) else { return nil }
        var reader = try YAMLMapping(node, path: keyPath(key))
        var result: [String: String] = [:]
        for name in reader.entries.map(\.key) {
            result[name] = try reader.string(name)
        }
        try reader.finish()
        return result
    }

    /// Reads a nested mapping with `body`, then checks it for unknown keys.
    mutating func section<T>(_ key: String, _ body: (inout YAMLMapping) throws(ConfigError) -> T) throws(ConfigError) -> T? {
        guard let node = node(key) else { return nil }
        var reader = try YAMLMapping(node, path: keyPath(key))
        let value = try body(&reader)
        try reader.finish()
        return value
    }

    /// Reads a sequence of mappings, each through `body`.
    mutating func list<T>(_ key: String, _ body: (inout YAMLMapping) throws(ConfigError) -> T) throws(ConfigError) -> [T]? {
        guard let node = node(key) else { return nil }
        var result: [T] = []
        for (index, item) in try YAMLValue.sequence(node, keyPath(key)).enumerated() {
            var reader = try YAMLMapping(item, path: "\(keyPath(key))[\(index)]")
            result.append(try body(&reader))
            try reader.finish()
        }
        return result
    }

    /// An error located at `key` (or at the mapping itself when absent).
    func invalid(_ key: String, _ message: String) -> ConfigError {
        let entry = entries.first { $0.key == key }
        let mark = entry?.value.mark ?? mark
        return ConfigError.invalidValue(keyPath(key), line: mark?.line, column: mark?.column, message)
    }

    /// An error at `key`'s line about something deeper inside it, named
    /// by its full path (`rules[0].name.matches`).
    func invalid(_ key: String, keyPath fullPath: String, _ message: String) -> ConfigError {
        let mark = entries.first { $0.key == key }?.value.mark ?? mark
        return ConfigError.invalidValue(fullPath, line: mark?.line, column: mark?.column, message)
    }

    func missing(_ key: String) -> ConfigError {
        ConfigError.missingKey(keyPath(key), line: mark?.line, column: mark?.column)
    }
}
