/// Parsers for the small text formats of `/proc` and cgroup files, working
/// on the raw bytes: `collect()` runs on every scrape, and splitting
/// `String`s into `Character`s cost ten times more than reading the files.
/// Everything returns `nil` on anything unexpected instead of guessing.
enum KernelText {
    typealias Field = ArraySlice<UInt8>

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Calls `body` with each line (line feed excluded) until it returns false.
    static func forEachLine(_ bytes: [UInt8], _ body: (Field) -> Bool) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            guard body(bytes[start..<end]) else { return }
            start = end + 1
        }
    }

    /// The blank-separated fields of a line.
    static func fields(_ line: Field) -> [Field] {
        line.split(whereSeparator: isBlank)
    }

    static func trimmed(_ field: Field) -> Field {
        guard let first = field.firstIndex(where: { !isBlank($0) }),
            let last = field.lastIndex(where: { !isBlank($0) })
        else { return field[field.endIndex...] }
        return field[first...last]
    }

    /// The first line, trimmed: the format of single-value files such as
    /// `memory.current` or `cpu.cfs_quota_us`.
    static func singleValue(_ bytes: [UInt8]) -> Field? {
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let value = trimmed(bytes[..<end])
        return value.isEmpty ? nil : value
    }

    static func unsignedValue(_ bytes: [UInt8]) -> UInt64? {
        singleValue(bytes).flatMap(unsigned)
    }

    static func signedValue(_ bytes: [UInt8]) -> Int64? {
        singleValue(bytes).flatMap(signed)
    }

    /// Decimal digits only, rejecting overflow.
    static func unsigned(_ field: Field) -> UInt64? {
        guard !field.isEmpty, field.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in field {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// An optional `-` then digits.
    static func signed(_ field: Field) -> Int64? {
        if field.first == UInt8(ascii: "-") {
            guard let magnitude = unsigned(field.dropFirst()), magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard let value = unsigned(field), value <= UInt64(Int64.max) else { return nil }
        return Int64(value)
    }

    /// The first field after `key` in a flat keyed file: `key value` lines
    /// (`cpu.stat`, `memory.stat`) or `Key: value unit` (`/proc/meminfo`,
    /// `/proc/self/status`).
    static func keyedValue(_ bytes: [UInt8], key: String) -> Field? {
        let key = Array(key.utf8)
        var result: Field?
        forEachLine(bytes) { line in
            guard line.count > key.count, line.starts(with: key) else { return true }
            var rest = line.dropFirst(key.count)
            guard let separator = rest.first, separator == UInt8(ascii: ":") || isBlank(separator) else { return true }
            if separator == UInt8(ascii: ":") { rest = rest.dropFirst() }
            result = fields(rest).first
            return false
        }
        return result
    }

    static func keyedUnsigned(_ bytes: [UInt8], key: String) -> UInt64? {
        keyedValue(bytes, key: key).flatMap(unsigned)
    }

    /// Counts the CPUs in a kernel CPU list such as `0-3,8,10-11`.
    static func cpuListCount(_ list: Field) -> Int? {
        var count = 0
        for range in list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let bounds = range.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            switch bounds.count {
            case 1:
                guard unsigned(bounds[0]) != nil else { return nil }
                count += 1
            case 2:
                guard let low = unsigned(bounds[0]), let high = unsigned(bounds[1]), low <= high, high - low < 1 << 20 else {
                    return nil
                }
                count += Int(high - low) + 1
            default:
                return nil
            }
        }
        return count > 0 ? count : nil
    }

    static func cpuListCount(_ list: String) -> Int? {
        cpuListCount(Array(list.utf8)[...])
    }
}
