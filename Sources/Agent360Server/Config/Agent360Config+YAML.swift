import Logging
import Yams

extension Agent360Config {
    /// Parses and validates a whole configuration file.
    ///
    /// Every error names the line and key; unknown keys are errors.
    public static func parse(yaml text: String, file: String? = nil) throws(ConfigError) -> Agent360Config {
        do {
            return try parseUnlocated(yaml: text)
        } catch var error {
            error.file = file
            throw error
        }
    }

    private static func parseUnlocated(yaml text: String) throws(ConfigError) -> Agent360Config {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                var config = Agent360Config()
                config.rules = try RulesConfig.defaultSignals()
                return config
            }
            root = node
        } catch let error as YamlError {
            throw ConfigError.syntax(yamlError: error, text: text)
        } catch {
            throw ConfigError.syntax(line: nil, column: nil, "\(error)")
        }
        var config = Agent360Config()
        config.rules = try RulesConfig.defaultSignals()
        var reader = try YAMLMapping(root, path: "")
        if let server = try reader.section("server", ServerConfig.read) { config.server = server }
        if let collectors = try reader.section("collectors", CollectorsConfig.read) { config.collectors = collectors }
        if let storage = try reader.section("storage", StorageConfig.read) { config.storage = storage }
        if let remoteWrite = try reader.section("remoteWrite", RemoteWriteConfig.read) { config.remoteWrite = remoteWrite }
        if let query = try reader.section("query", QueryConfig.read) { config.query = query }
        if let rules = try reader.section("rules", RulesConfig.read) { config.rules = rules }
        if let external = try reader.list("externalMetrics", KubeAPIConfig.readExternal) { config.kubernetes.external = external }
        if let custom = try reader.list("customMetrics", KubeAPIConfig.readCustom) { config.kubernetes.custom = custom }
        if let metricsAPI = try reader.section("metricsAPI", { (api: inout YAMLMapping) throws(ConfigError) -> KubeAPIConfig in
            var kubernetes = config.kubernetes
            if let enabled = try api.bool("enabled") { kubernetes.enabled = enabled }
            if let maxAge = try api.duration("maxAge") { kubernetes.maxAge = maxAge }
            kubernetes.adapterConfigFile = try api.string("adapterConfig")
            if let relist = try api.duration("adapterRelistInterval") { kubernetes.adapterRelistInterval = relist }
            if let maxAge = try api.duration("adapterSeriesMaxAge") { kubernetes.adapterSeriesMaxAge = maxAge }
            return kubernetes
        }) {
            config.kubernetes = metricsAPI
        }
        if reader.has("resourceMetrics") {
            config.kubernetes.resource = try reader.section("resourceMetrics", ResourceMetricsConfig.read) ?? nil
        }
        if let secure = try reader.section("secureAPI", KubeAPIConfig.readSecure) { config.kubernetes.secure = secure }
        if let scaling = try reader.section("scaling", ScalingConfig.read) { config.scaling = scaling }
        if let recommendations = try reader.section("recommendations", RecommendationsConfig.read) { config.recommendations = recommendations }
        if let cost = try reader.section("cost", CostConfig.read) { config.cost = cost }
        try config.kubernetes.check(&reader)
        try reader.finish()
        return config
    }
}

extension ServerConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> ServerConfig {
        var config = ServerConfig()
        if let listen = try reader.string("listen") {
            guard let address = HostPort(listen) else {
                throw reader.invalid("listen", "invalid address \"\(listen)\": expected HOST:PORT such as 0.0.0.0:9360")
            }
            config.listen = address
        }
        if let level = try reader.string("logLevel") {
            guard let parsed = Logger.Level(configValue: level) else {
                throw reader.invalid("logLevel", "unknown log level \"\(level)\" (trace, debug, info, notice, warning, error, critical)")
            }
            config.logLevel = parsed
        }
        if let grace = try reader.duration("shutdownGracePeriod") { config.shutdownGracePeriod = grace }
        if let idle = try reader.duration("idleTimeout") {
            guard idle.milliseconds >= 1_000 else { throw reader.invalid("idleTimeout", "must be at least 1s") }
            config.idleTimeout = idle
        }
        if let read = try reader.duration("readTimeout") {
            guard read.milliseconds >= 1_000 else { throw reader.invalid("readTimeout", "must be at least 1s") }
            config.readTimeout = read
        }
        if let web = try reader.string("webConfigFile") { config.webConfigFile = web.isEmpty ? nil : web }
        return config
    }
}

extension CollectorsConfig {
    static func read(_ reader: inout YAMLMapping) throws(ConfigError) -> CollectorsConfig {
        var config = CollectorsConfig()
        if let enabled = try reader.bool("enabled") { config.enabled = enabled }
        if let interval = try reader.duration("interval") {
            guard interval.milliseconds >= 100 else { throw reader.invalid("interval", "must be at least 100ms") }
            config.interval = interval
        }
        if let root = try reader.string("rootPath") {
            guard root.hasPrefix("/") else { throw reader.invalid("rootPath", "must be an absolute path") }
            config.rootPath = root
        }
        if let mounts = try reader.strings("diskMountPoints") {
            if let bad = mounts.first(where: { !$0.hasPrefix("/") }) {
                throw reader.invalid("diskMountPoints", "\"\(bad)\" is not an absolute path")
            }
            config.diskMountPoints = mounts
        }
        if let devices = try reader.strings("excludeNetworkDevices") { config.excludeNetworkDevices = devices }
        return config
    }
}

extension Logger.Level {
    /// Accepts swift-log's names plus the common `warn`.
    init?(configValue: String) {
        let value = configValue.lowercased()
        if value == "warn" { self = .warning; return }
        self.init(rawValue: value)
    }
}

extension ConfigError {
    static func syntax(yamlError: YamlError, text: String) -> ConfigError {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return .syntax(line: mark.line, column: mark.column, "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let line = secondOccurrence(of: duplicates.first ?? "", indent: context.mark.column - 1,
                                        from: context.mark.line, in: text)
            return .syntax(line: line ?? context.mark.line, column: context.mark.column,
                           "invalid YAML: duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .syntax(line: nil, column: nil, "invalid YAML: \(yamlError)")
        }
    }
}

extension ConfigError {
    /// Yams reports a duplicate key at its mapping's start; point at the
    /// repeated key itself, which is what the operator has to delete.
    static func secondOccurrence(of key: String, indent: Int, from line: Int, in text: String) -> Int? {
        let prefix = String(repeating: " ", count: max(0, indent)) + key
        var seen = 0
        for (offset, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where offset + 1 >= line {
            guard content.hasPrefix(prefix) else { continue }
            let rest = content.dropFirst(prefix.count).drop { $0 == " " }
            guard rest.hasPrefix(":") else { continue }
            seen += 1
            if seen == 2 { return offset + 1 }
        }
        return nil
    }
}
