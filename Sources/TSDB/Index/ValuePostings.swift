/// One label name's values and their postings, in buckets by value id.
///
/// A query reads a label's values a few buckets per index-lock hold
/// (`IndexState.forValues`), so a label with a million values (pods) never
/// keeps series creation waiting for the whole copy; ingest finds a list
/// with one more array index than a flat dictionary would take.
struct ValuePostings {
    static let bucketCount = 256

    private(set) var buckets: [[UInt32: [UInt32]]] = Array(repeating: [:], count: ValuePostings.bucketCount)
    /// Values (lists) held.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    static func bucket(_ value: UInt32) -> Int { Int(value & UInt32(bucketCount - 1)) }

    subscript(value: UInt32) -> [UInt32]? { buckets[Self.bucket(value)][value] }

    /// Adds `id` to the value's list; true when the list is new.
    mutating func insert(_ id: UInt32, value: UInt32) -> Bool {
        let bucket = Self.bucket(value)
        let isNew = buckets[bucket][value] == nil
        PostingList.insert(id, into: &buckets[bucket][value, default: []])
        if isNew { count += 1 }
        return isNew
    }

    /// Replaces the value's list (non-empty).
    mutating func set(_ list: [UInt32], value: UInt32) {
        if buckets[Self.bucket(value)].updateValue(list, forKey: value) == nil { count += 1 }
    }

    mutating func remove(value: UInt32) -> [UInt32]? {
        let list = buckets[Self.bucket(value)].removeValue(forKey: value)
        if list != nil { count -= 1 }
        return list
    }
}
