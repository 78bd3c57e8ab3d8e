/// Query-string and form-body parameters, with repeated keys (`match[]`).
///
/// Prometheus accepts every API parameter in the URL or in an
/// `application/x-www-form-urlencoded` POST body; Grafana uses both.
struct FormValues: Sendable {
    private var pairs: [(String, String)] = []

    init() {}

    /// Decodes `a=1&b=x+y&c=%2F`; malformed escapes are kept literally.
    init(encoded: some StringProtocol) {
        for part in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    mutating func merge(_ other: FormValues) { pairs += other.pairs }

    /// The first value of `name` (form body first, as Go's `r.FormValue`).
    subscript(name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    static func decode(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if iterator.count >= 2, let high = hexValue(iterator[iterator.startIndex]),
                   let low = hexValue(iterator[iterator.startIndex + 1]) {
                    bytes.append(high << 4 | low)
                    iterator = iterator.dropFirst(2)
                } else {
                    bytes.append(byte)
                }
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
