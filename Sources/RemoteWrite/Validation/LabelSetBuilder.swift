import TSDB

/// Validates one series' labels as they are appended to the batch.
///
/// Shared by both readers so the rules live in one place: empty-valued labels
/// are dropped (Prometheus treats an empty value as an absent label), names
/// must match `[a-zA-Z_][a-zA-Z0-9_]*`, values must be UTF-8, `__name__` must be
/// present, and names must be unique; unsorted sets are sorted by name bytes.
struct LabelSetBuilder {
    private let start: Int
    private var hasMetricName = false
    private var sorted = true
    /// Labels of this set appended so far that matched the memo in sequence.
    private var matched = 0
    private(set) var problem: LabelProblem?

    init(start: Int) {
        self.start = start
    }

    @inline(__always)
    mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, to labels: inout [RawLabel]) {
        guard problem == nil else { return }
        guard LabelRules.isValidName(name) else {
            problem = name.isEmpty ? .emptyName : .invalidName(name)
            return
        }
        if value.isEmpty { return }
        guard LabelRules.isValidUTF8(value) else {
            problem = .invalidValue(name: name)
            return
        }
        if LabelRules.isMetricName(name) { hasMetricName = true }
        if sorted, labels.count > start, LabelRules.compare(labels[labels.count - 1].name, name) >= 0 {
            sorted = false
        }
        labels.append(RawLabel(name: name, value: value))
    }

    /// `add` with the request's name memo: a name matching it skips the name
    /// checks; a name checked here is remembered for the next series.
    @inline(__always)
    mutating func add(
        name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, to labels: inout [RawLabel], memo: inout LabelNameMemo
    ) {
        guard problem == nil else { return }
        let position = labels.count - start
        if !value.isEmpty, matched == position, memo.matches(name, at: position) {
            guard LabelRules.isValidUTF8(value) else {
                problem = .invalidValue(name: name)
                return
            }
            if memo.isMetricName(at: position) { hasMetricName = true }
            matched += 1
            labels.append(RawLabel(name: name, value: value))
            return
        }
        add(name: name, value: value, to: &labels)
        // Appended, valid, in order after a fully matched prefix: the memo's
        // invariant holds with this name at this position.
        if problem == nil, sorted, matched == position, labels.count - start == position + 1 {
            memo.remember(name, at: position, isMetricName: LabelRules.isMetricName(name))
            matched += 1
        }
    }

    /// The problem that refuses the set, or nil once the labels are sorted.
    /// On a problem the caller removes the partial labels.
    mutating func finish(_ labels: inout [RawLabel]) -> LabelProblem? {
        if let problem { return problem }
        guard hasMetricName else { return .missingMetricName }
        return sorted ? nil : LabelSetBuilder.sortCheckingDuplicates(&labels, from: start)
    }

    /// Insertion sort: label sets are small and usually nearly sorted.
    private static func sortCheckingDuplicates(_ labels: inout [RawLabel], from start: Int) -> LabelProblem? {
        labels.withUnsafeMutableBufferPointer { buffer in
            var index = start + 1
            while index < buffer.count {
                let moving = buffer[index]
                var hole = index
                while hole > start, LabelRules.compare(buffer[hole - 1].name, moving.name) > 0 {
                    buffer[hole] = buffer[hole - 1]
                    hole -= 1
                }
                buffer[hole] = moving
                index += 1
            }
            var check = start + 1
            while check < buffer.count {
                if LabelRules.equal(buffer[check - 1].name, buffer[check].name) {
                    return .duplicateName(buffer[check].name)
                }
                check += 1
            }
            return nil
        }
    }
}
