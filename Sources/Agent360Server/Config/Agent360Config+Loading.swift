#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Agent360Config {
    /// Reads `path`, or the embedded default configuration when `path` is nil.
    public static func load(path: String?) throws(ConfigError) -> Agent360Config {
        guard let path else { return try parse(yaml: DefaultConfig.yaml, file: "(embedded default)") }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(path, "file is not valid UTF-8")
            }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError.unreadable(path, "cannot read file: \(error.localizedDescription)")
        }
        return try parse(yaml: text, file: path)
    }
}
