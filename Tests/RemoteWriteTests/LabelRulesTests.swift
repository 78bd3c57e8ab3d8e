@testable import RemoteWrite
import Testing

@Suite struct LabelRulesTests {
    @Test(arguments: ["a", "_", "__name__", "job", "A_b9", "le", "_0", "zZ"])
    func validNames(_ name: String) {
        #expect(Array(name.utf8).withUnsafeBytes { LabelRules.isValidName($0) })
    }

    @Test(arguments: ["", "0a", "a-b", "a.b", "a b", "é", "a:b", "9"])
    func invalidNames(_ name: String) {
        #expect(!Array(name.utf8).withUnsafeBytes { LabelRules.isValidName($0) })
    }

    @Test func metricNameIsRecognisedByBytes() {
        #expect(Array("__name__".utf8).withUnsafeBytes { LabelRules.isMetricName($0) })
        #expect(!Array("__name_".utf8).withUnsafeBytes { LabelRules.isMetricName($0) })
        #expect(!Array("__Name__".utf8).withUnsafeBytes { LabelRules.isMetricName($0) })
    }

    @Test func compareOrdersByBytesThenLength() {
        func order(_ a: String, _ b: String) -> Int {
            Array(a.utf8).withUnsafeBytes { x in Array(b.utf8).withUnsafeBytes { y in LabelRules.compare(x, y) } }
        }
        #expect(order("a", "b") < 0)
        #expect(order("b", "a") > 0)
        #expect(order("ab", "a") > 0)
        #expect(order("__name__", "a") < 0)  // '_' (0x5f) sorts before 'a' (0x61)
        #expect(order("Z", "_") < 0)  // uppercase sorts before '_'
        #expect(order("job", "job") == 0)
        #expect(order("", "") == 0)
    }

    static let utf8Cases: [([UInt8], Bool)] = [
        ([], true),
        (Array("plain ascii long enough to use the fast path".utf8), true),
        (Array("héllo wörld ✓ 𝄞".utf8), true),
        ([0xc3, 0x28], false),  // bad continuation
        ([0xc0, 0xaf], false),  // overlong '/'
        ([0xe0, 0x80, 0xaf], false),  // overlong
        ([0xed, 0xa0, 0x80], false),  // UTF-16 surrogate
        ([0xf4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0xf0, 0x9d, 0x84], false),  // truncated 4-byte
        ([0xff], false),
        ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x80], false),  // bad byte after 8 ASCII
        ([0xef, 0xbf, 0xbf], true),  // U+FFFF
        ([0xf4, 0x8f, 0xbf, 0xbf], true),  // U+10FFFF
    ]

    @Test(arguments: utf8Cases)
    func utf8Validation(_ bytes: [UInt8], _ valid: Bool) {
        #expect(bytes.withUnsafeBytes { LabelRules.isValidUTF8($0) } == valid)
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 42)
        let alphabet: [UInt8] = [0x41, 0x7f, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x90, 0x8f]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 12)
            let bytes = (0..<length).map { _ in
                generator.next() % 3 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : alphabet[Int(generator.next() % 16)]
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBytes { LabelRules.isValidUTF8($0) } == expected, "\(bytes)")
        }
    }
}

/// Deterministic random numbers so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

@Suite struct LabelRulesOrderTests {
    @Test func compareAgreesWithLexicographicOrderOfBytes() {
        var generator = SplitMix64(seed: 7)
        for _ in 0 ..< 20_000 {
            // Short strings over a tiny alphabet so prefixes and ties are common.
            let a = (0 ..< Int(generator.next() % 19)).map { _ in UInt8(0x5e + generator.next() % 4) }
            let b = (0 ..< Int(generator.next() % 19)).map { _ in UInt8(0x5e + generator.next() % 4) }
            let expected = a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
            let actual = a.withUnsafeBytes { x in b.withUnsafeBytes { y in LabelRules.compare(x, y) } }
            #expect(actual.signum() == expected, "\(a) vs \(b)")
            #expect(a.withUnsafeBytes { x in b.withUnsafeBytes { y in LabelRules.equal(x, y) } } == (a == b))
        }
    }
}

@Suite struct LabelNameRuleTests {
    /// `[a-zA-Z_][a-zA-Z0-9_]*` one byte at a time.
    static func reference(_ bytes: [UInt8]) -> Bool {
        func letter(_ b: UInt8) -> Bool { (0x41...0x5a).contains(b) || (0x61...0x7a).contains(b) || b == 0x5f }
        guard let first = bytes.first, letter(first) else { return false }
        return bytes.dropFirst().allSatisfy { letter($0) || (0x30...0x39).contains($0) }
    }

    @Test func nameCheckAgreesWithAByteLoopOnEveryByteAndLength() {
        // Each byte value at each position of names 1...17 bytes long.
        for length in 1 ... 17 {
            for position in 0 ..< length {
                for byte in UInt8.min ... UInt8.max {
                    var name = [UInt8](repeating: 0x61, count: length)
                    name[position] = byte
                    let actual = name.withUnsafeBytes { LabelRules.isValidName($0) }
                    #expect(actual == LabelNameRuleTests.reference(name), "\(name)")
                }
            }
        }
    }
}
