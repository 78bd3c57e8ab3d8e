import CPrompb
import TSDB

/// Reads a protobuf-c `TimeSeries`' labels through `LabelSetBuilder`.
enum ProtobufCLabels {
    /// Appends the series' labels to `labels`; on a problem, leaves partial
    /// labels for the caller to remove.
    @inline(__always)
    static func append(_ series: Prometheus__TimeSeries, to labels: inout [RawLabel]) -> LabelProblem? {
        var builder = LabelSetBuilder(start: labels.count)
        if series.n_labels > 0, let list = series.labels {
            for index in 0..<series.n_labels {
                guard let label = list[index]?.pointee else { continue }
                builder.add(
                    name: UnsafeRawBufferPointer(start: label.name.data, count: label.name.len),
                    value: UnsafeRawBufferPointer(start: label.value.data, count: label.value.len),
                    to: &labels
                )
            }
        }
        return builder.finish(&labels)
    }

    /// The series as sent (request order, empty values included), for messages.
    static func describe(_ series: Prometheus__TimeSeries) -> String {
        var raw: [RawLabel] = []
        if series.n_labels > 0, let list = series.labels {
            for index in 0..<series.n_labels {
                guard let label = list[index]?.pointee else { continue }
                raw.append(RawLabel(
                    name: UnsafeRawBufferPointer(start: label.name.data, count: label.name.len),
                    value: UnsafeRawBufferPointer(start: label.value.data, count: label.value.len)
                ))
            }
        }
        return SeriesText.describe(raw)
    }
}
