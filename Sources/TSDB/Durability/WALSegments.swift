/// File names in the storage directory.
///
///     <path>/lock                   flock'ed by the running process
///     <path>/wal/00000001 …         WAL segments, numbered upwards
///     <path>/checkpoint.00000007    store snapshot covering segments ≤ 7
///     <path>/checkpoint.00000007.tmp  a checkpoint being written (ignored)
enum WALSegments {
    static func name(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func path(_ directory: String, _ number: Int) -> String { directory + "/" + name(number) }

    /// Segment numbers in `directory`, ascending; other files are ignored.
    static func list(_ directory: String) throws(StorageError) -> [Int] {
        try FileIO.list(directory).compactMap { name in
            name.count >= 8 && name.allSatisfy(\.isASCIIDigit) ? Int(name) : nil
        }.sorted()
    }

    static let checkpointPrefix = "checkpoint."

    /// Complete checkpoints in `directory` by the last segment they cover, ascending.
    static func checkpoints(_ directory: String) throws(StorageError) -> [Int] {
        try FileIO.list(directory).compactMap { name in
            guard name.hasPrefix(checkpointPrefix) else { return nil }
            let suffix = name.dropFirst(checkpointPrefix.count)
            return suffix.allSatisfy(\.isASCIIDigit) ? Int(suffix) : nil
        }.sorted()
    }

    static func checkpointPath(_ directory: String, _ segment: Int) -> String {
        directory + "/" + checkpointPrefix + name(segment)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
