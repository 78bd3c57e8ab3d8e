import PromQL
import TSDB

extension JSONWriter {
    /// `{"resultType":…,"result":…}` exactly as Prometheus writes it.
    mutating func queryData(_ result: QueryResult) {
        beginObject()
        field("resultType", result.resultType)
        key("result")
        switch result.value {
        case .scalar(let timestamp, let value):
            point(timestamp, PrometheusFormat.value(value))
        case .string(let timestamp, let value):
            point(timestamp, value)
        case .vector(let samples):
            beginArray()
            for sample in samples {
                beginObject()
                key("metric"); labelSet(sample.labels)
                key("value"); point(sample.timestamp, PrometheusFormat.value(sample.value))
                endObject()
            }
            endArray()
        case .matrix(let series):
            beginArray()
            for item in series {
                beginObject()
                key("metric"); labelSet(item.labels)
                key("values")
                beginArray()
                for sample in item.samples { point(sample.timestamp, PrometheusFormat.value(sample.value)) }
                endArray()
                endObject()
            }
            endArray()
        }
        endObject()
    }

    /// `[<unix seconds>, "<value>"]`.
    mutating func point(_ timestamp: Int64, _ value: String) {
        beginArray()
        raw(PrometheusFormat.timestamp(milliseconds: timestamp))
        string(value)
        endArray()
    }

    /// `{"name":"value",…}`.
    mutating func labelSet(_ labels: Labels) {
        beginObject()
        for label in labels { field(label.name, label.value) }
        endObject()
    }
}
