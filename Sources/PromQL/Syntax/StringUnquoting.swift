/// Turns a lexed string token (with its quotes) into its value, like Go's
/// `strconv.Unquote` (which Prometheus uses), extended to single-quoted
/// strings of any length. Escapes were validated by the lexer already; byte
/// escapes must form valid UTF-8 (Prometheus would accept and never match).
enum StringUnquoting {
    struct Failure: Error {
        var message: String
    }

    static func unquote(_ token: String) throws(Failure) -> String {
        let bytes = Array(token.utf8)
        guard bytes.count >= 2, let quote = bytes.first, bytes.last == quote else {
            throw Failure(message: "invalid syntax")
        }
        let body = bytes[1..<(bytes.count - 1)]
        if quote == UInt8(ascii: "`") {
            // Raw strings: no escapes; Go drops carriage returns.
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            throw Failure(message: "invalid syntax")
        }
        if !body.contains(UInt8(ascii: "\\")) {
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let c = body[index]
            index += 1
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                continue
            }
            guard index < body.endIndex else { throw Failure(message: "invalid syntax") }
            let e = body[index]
            index += 1
            switch e {
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case quote: out.append(quote)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(e - 48)
                for _ in 0..<2 {
                    guard index < body.endIndex, (48...55).contains(body[index]) else { throw Failure(message: "invalid syntax") }
                    value = value * 8 + UInt32(body[index] - 48)
                    index += 1
                }
                guard value <= 255 else { throw Failure(message: "invalid syntax") }
                out.append(UInt8(value))
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let width = e == UInt8(ascii: "x") ? 2 : (e == UInt8(ascii: "u") ? 4 : 8)
                var value: UInt32 = 0
                for _ in 0..<width {
                    guard index < body.endIndex, let digit = hexValue(body[index]) else { throw Failure(message: "invalid syntax") }
                    value = value << 4 | digit
                    index += 1
                }
                if e == UInt8(ascii: "x") {
                    out.append(UInt8(value))
                } else {
                    guard let scalar = Unicode.Scalar(value) else { throw Failure(message: "invalid syntax") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
            default:
                throw Failure(message: "invalid syntax")
            }
        }
        // `\x` and octal escapes write single bytes; Go keeps whatever they
        // spell, but a Swift String would silently turn stray bytes into
        // U+FFFD, a different value that prints as a query that no longer
        // parses. Refuse them instead (found by the FuzzPromQL target).
        guard let text = String(validating: out, as: UTF8.self) else {
            throw Failure(message: "escapes do not form valid UTF-8")
        }
        return text
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - 55)
        default: return nil
        }
    }
}
