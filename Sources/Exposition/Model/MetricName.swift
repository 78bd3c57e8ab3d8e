/// Name rules shared by both formats, so callers building families from
/// configuration can reject a bad name before it corrupts a whole scrape.
public enum MetricName {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`
    public static func isValidMetricName(_ name: String) -> Bool {
        isValid(name.utf8, allowColon: true)
    }

    /// `[a-zA-Z_][a-zA-Z0-9_]*`
    public static func isValidLabelName(_ name: String) -> Bool {
        isValid(name.utf8, allowColon: false)
    }

    static func isValid(_ bytes: some Collection<UInt8>, allowColon: Bool) -> Bool {
        guard let first = bytes.first, isNameStart(first, allowColon: allowColon) else {
            return false
        }
        return bytes.dropFirst().allSatisfy { isNameContinuation($0, allowColon: allowColon) }
    }

    @inline(__always)
    static func isNameStart(_ byte: UInt8, allowColon: Bool) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
            || (allowColon && byte == UInt8(ascii: ":"))
    }

    @inline(__always)
    static func isNameContinuation(_ byte: UInt8, allowColon: Bool) -> Bool {
        isNameStart(byte, allowColon: allowColon)
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
