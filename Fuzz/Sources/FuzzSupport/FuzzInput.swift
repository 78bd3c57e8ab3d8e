/// The bytes libFuzzer hands a target, in the shapes the parsers take.
///
/// Each target's `LLVMFuzzerTestOneInput` wraps its pointer in one of these so
/// that no target repeats the pointer handling.
public struct FuzzInput {
    public let bytes: UnsafeRawBufferPointer

    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: count)
    }

    public var array: [UInt8] { Array(bytes) }

    /// The input as text; invalid UTF-8 is repaired with U+FFFD, as the
    /// servers do when they turn a request body into a `String`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Splits off the first line (for targets that take two strings, such as
    /// a URL path and its query). Without a newline the rest is empty.
    public var lines: (first: String, rest: String) {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return (text, "") }
        let first = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<newline]), as: UTF8.self)
        let rest = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(newline + 1)...]), as: UTF8.self)
        return (first, rest)
    }
}

/// Stops the run with a message libFuzzer keeps next to the crashing input:
/// used when a target's own check (such as two decoders disagreeing) fails.
public func fuzzFailure(_ message: @autoclosure () -> String) -> Never {
    fatalError("fuzz check failed: \(message())")
}
