/// Label names already checked in this request, by position in the series.
///
/// The series of a write request nearly always carry the same label names in
/// the same order. A name equal to the one remembered at its position, in a
/// series whose earlier labels all matched too, is known to be valid and to
/// sort after its predecessor, so `LabelSetBuilder` skips those checks.
///
/// Invariant: the remembered names are valid and strictly increasing.
/// They point into the request's decompressed bytes, so a memo lives for
/// one request (the direct reader owns one per request).
struct LabelNameMemo {
    static let capacity = 16
    private var names: [UnsafeRawBufferPointer] = []
    private var metricNamePosition = -1

    init() {
        names.reserveCapacity(LabelNameMemo.capacity)
    }

    @inline(__always)
    func matches(_ name: UnsafeRawBufferPointer, at position: Int) -> Bool {
        position < names.count && LabelRules.equal(names[position], name)
    }

    @inline(__always)
    func isMetricName(at position: Int) -> Bool { position == metricNamePosition }

    /// Call only for a valid name that sorts after the remembered name at
    /// `position - 1` (names at 0..<position matched this series).
    mutating func remember(_ name: UnsafeRawBufferPointer, at position: Int, isMetricName: Bool) {
        guard position < LabelNameMemo.capacity, position <= names.count else { return }
        // Later entries followed the old name here; order with the new one is unknown.
        names.removeSubrange(position...)
        names.append(name)
        if isMetricName {
            metricNamePosition = position
        } else if metricNamePosition >= position {
            metricNamePosition = -1
        }
    }
}
