import Exposition

extension MetricFamily {
    /// A family of one unlabelled sample, for figures read at scrape time;
    /// a counter's sample gets the `_total` suffix the exposition wants.
    static func single(_ name: String, _ type: MetricType, _ help: String, _ unit: String, _ value: Double) -> MetricFamily {
        MetricFamily(name: name, type: type, help: help, unit: unit,
                     samples: [MetricSample(name: type == .counter ? name + "_total" : name, labels: [], value: value)])
    }
}
