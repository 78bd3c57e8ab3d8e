import Testing
@testable import TSDB

@Suite struct ByteWordsTests {
    /// The reference: bytes folded in one at a time, little-endian.
    static func byteLoop(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * shift) }
        return word
    }

    @Test(arguments: 0 ... 8)
    func partialWordEqualsTheByteLoop(_ count: Int) {
        // Offset 3 inside a larger buffer, surrounded by 0xFF: a read outside
        // the `count` bytes would show up as stray ones.
        var buffer = [UInt8](repeating: 0xFF, count: 16)
        for index in 0 ..< count { buffer[3 + index] = UInt8(0x11 * (index + 1)) }
        let word = buffer.withUnsafeBytes { ByteWords.partial($0.baseAddress! + 3, count: count) }
        #expect(word == ByteWordsTests.byteLoop(buffer[3 ..< 3 + count]))
    }

    @Test func bytesEqualFindsADifferenceAtEveryPosition() {
        for length in 0 ... 20 {
            let base = (0 ..< length).map { UInt8(0x61 + $0) }
            base.withUnsafeBytes { a in
                let same = Array(base)
                same.withUnsafeBytes { b in #expect(bytesEqual(a, b)) }
                for position in 0 ..< length {
                    var other = base
                    other[position] ^= 0x20
                    other.withUnsafeBytes { b in #expect(!bytesEqual(a, b), "length \(length) position \(position)") }
                }
            }
        }
    }

    @Test func labelHashDependsOnEveryTailByte() {
        // "abcdefghij": one full word and a two-byte tail; each byte matters.
        let text = Array("abcdefghij".utf8)
        let reference = text.withUnsafeBytes { LabelHash.hash(bytes: $0) }
        for position in text.indices {
            var changed = text
            changed[position] ^= 1
            #expect(changed.withUnsafeBytes { LabelHash.hash(bytes: $0) } != reference)
        }
    }
}
