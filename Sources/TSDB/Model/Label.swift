/// One name/value pair of a series' identity.
///
/// Labels order by name first so a sorted `Labels` has a single canonical
/// form, which is what series identity and result ordering rely on.
public struct Label: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public init(name: String, value: String) {
        self.init(name, value)
    }

    public static func < (lhs: Label, rhs: Label) -> Bool {
        lhs.name != rhs.name ? lhs.name < rhs.name : lhs.value < rhs.value
    }

    public var description: String { "\(name)=\"\(value)\"" }
}
