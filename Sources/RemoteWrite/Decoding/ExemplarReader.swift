import CPrompb
import TSDB

/// Converts exemplars into the store's `Exemplar` values (rare: Swift values are fine).
enum ExemplarReader {
    /// Prometheus refuses exemplars whose label names and values together
    /// exceed 128 UTF-8 characters (OpenMetrics' limit); so do we.
    static let maxLabelCharacters = 128

    static func labels(_ raw: ArraySlice<RawLabel>) -> Labels {
        Labels(sorted: raw.map { Label(string($0.name), string($0.value)) })
    }

    /// From a protobuf-c exemplar; nil when its labels are invalid or too long.
    static func read(_ exemplar: Prometheus__Exemplar, seriesLabels: Labels) -> Exemplar? {
        var raw: [RawLabel] = []
        if exemplar.n_labels > 0, let list = exemplar.labels {
            raw.reserveCapacity(exemplar.n_labels)
            for index in 0..<exemplar.n_labels {
                guard let label = list[index]?.pointee else { continue }
                raw.append(RawLabel(
                    name: UnsafeRawBufferPointer(start: label.name.data, count: label.name.len),
                    value: UnsafeRawBufferPointer(start: label.value.data, count: label.value.len)
                ))
            }
        }
        return make(raw, value: exemplar.value, timestamp: exemplar.timestamp, seriesLabels: seriesLabels)
    }

    /// Nil when the labels are invalid or too long; empty values are dropped.
    static func make(_ raw: [RawLabel], value: Double, timestamp: Int64, seriesLabels: Labels) -> Exemplar? {
        var labels: [Label] = []
        labels.reserveCapacity(raw.count)
        var characters = 0
        for label in raw {
            guard LabelRules.isValidName(label.name), LabelRules.isValidUTF8(label.value) else { return nil }
            characters += label.name.count + scalarCount(label.value)
            if label.value.isEmpty { continue }
            labels.append(Label(string(label.name), string(label.value)))
        }
        guard characters <= maxLabelCharacters else { return nil }
        return Exemplar(seriesLabels: seriesLabels, labels: Labels(labels), value: value, timestamp: timestamp)
    }

    private static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Characters of valid UTF-8: every byte that is not a continuation byte.
    private static func scalarCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte & 0xc0 != 0x80 { count += 1 }
        return count
    }
}
