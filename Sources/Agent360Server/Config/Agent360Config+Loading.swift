#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Agent360Config {
    /// Reads `path`, or the embedded default configuration when `path` is nil.
    public static func load(path: String?) throws(ConfigError) -> Agent360Config {
        guard let path else { return try parse(yaml: DefaultConfig.yaml, file: "(embedded default)") }
        let text = try ConfigFiles.readText(path)
        var config = try parse(yaml: text, file: path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        for file in config.rules.files {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : directory.appendingPathComponent(file)
            config.rules.groups += try RulesConfig.parseRuleFile(yaml: try ConfigFiles.readText(url.path), file: url.path)
        }
        try config.loadScalingFiles(relativeTo: directory.path)
        if let web = config.server.webConfigFile, !web.hasPrefix("/") {
            config.server.webConfigFile = directory.appendingPathComponent(web).path
        }
        if let web = config.server.webConfigFile { _ = try WebConfigFile.load(path: web) }
        if let adapter = config.kubernetes.adapterConfigFile {
            let url = adapter.hasPrefix("/") ? URL(fileURLWithPath: adapter) : directory.appendingPathComponent(adapter)
            config.kubernetes.adapter = try AdapterConfigFile.load(path: url.path)
        }
        var names = Set<String>()
        for group in config.rules.groups where !names.insert(group.name).inserted {
            throw ConfigError.unreadable(path, "rule group \"\(group.name)\" is defined twice")
        }
        return config
    }
}

/// Reading the files a configuration names, with errors that name the file.
enum ConfigFiles {
    static func readText(_ path: String) throws(ConfigError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(path, "file is not valid UTF-8")
            }
            return text
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError.unreadable(path, "cannot read file: \(error.localizedDescription)")
        }
    }
}
