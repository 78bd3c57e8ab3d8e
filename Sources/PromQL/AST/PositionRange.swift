/// Where a node was written in the query, as UTF-8 byte offsets.
///
/// Positions are metadata for error messages, not part of an expression's
/// meaning: two expressions that differ only in layout compare equal, which is
/// why `==` here is always true.
public struct PositionRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static let none = PositionRange(start: 0, end: 0)

    public static func == (lhs: PositionRange, rhs: PositionRange) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    public var description: String { "\(start)..<\(end)" }

    func merged(with other: PositionRange) -> PositionRange {
        PositionRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }
}
