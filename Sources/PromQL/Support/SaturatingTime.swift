/// Millisecond arithmetic that clamps instead of trapping: query times,
/// offsets and `@` timestamps come from users, and `Int64.max - (-1h)` must
/// give a useless time, not a crash.
extension Int64 {
    @inline(__always)
    func minus(_ other: Int64) -> Int64 {
        let (result, overflow) = subtractingReportingOverflow(other)
        if overflow { return other > 0 ? .min : .max }
        return result
    }

    @inline(__always)
    func plus(_ other: Int64) -> Int64 {
        let (result, overflow) = addingReportingOverflow(other)
        if overflow { return other > 0 ? .max : .min }
        return result
    }
}
