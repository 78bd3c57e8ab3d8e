import TSDB

/// A remote-write 1.0 request as Swift values, for senders: the load
/// generator, the benchmark client and tests.
///
/// Labels are kept as bytes and in the order given (not sorted or checked),
/// so tests can also build the invalid requests a receiver must refuse.
public struct RemoteWriteRequest: Sendable, Equatable {
    public struct Label: Sendable, Hashable {
        public var name: [UInt8]
        public var value: [UInt8]

        public init(_ name: String, _ value: String) {
            self.name = Array(name.utf8)
            self.value = Array(value.utf8)
        }

        /// For label bytes that are not valid UTF-8.
        public init(nameBytes: [UInt8], valueBytes: [UInt8]) {
            self.name = nameBytes
            self.value = valueBytes
        }
    }

    public struct Exemplar: Sendable, Equatable {
        public var labels: [Label]
        public var value: Double
        public var timestamp: Int64

        public init(labels: [Label], value: Double, timestamp: Int64) {
            self.labels = labels
            self.value = value
            self.timestamp = timestamp
        }
    }

    /// A native histogram sample with integer counts (the common kind).
    public struct Histogram: Sendable, Equatable {
        public var timestamp: Int64
        public var count: UInt64
        public var sum: Double
        public var schema: Int32
        public var zeroThreshold: Double
        public var zeroCount: UInt64
        /// (offset, length) pairs and the bucket count deltas they cover.
        public var positiveSpans: [BucketSpan]
        public var positiveDeltas: [Int64]

        public struct BucketSpan: Sendable, Equatable {
            public var offset: Int32
            public var length: UInt32

            public init(offset: Int32, length: UInt32) {
                self.offset = offset
                self.length = length
            }
        }

        public init(
            timestamp: Int64, count: UInt64, sum: Double, schema: Int32 = 0, zeroThreshold: Double = 1e-128,
            zeroCount: UInt64 = 0, positiveSpans: [BucketSpan] = [], positiveDeltas: [Int64] = []
        ) {
            self.timestamp = timestamp
            self.count = count
            self.sum = sum
            self.schema = schema
            self.zeroThreshold = zeroThreshold
            self.zeroCount = zeroCount
            self.positiveSpans = positiveSpans
            self.positiveDeltas = positiveDeltas
        }
    }

    public struct Series: Sendable, Equatable {
        public var labels: [Label]
        public var samples: [Sample]
        public var exemplars: [Exemplar]
        public var histograms: [Histogram]

        public init(labels: [Label], samples: [Sample], exemplars: [Exemplar] = [], histograms: [Histogram] = []) {
            self.labels = labels
            self.samples = samples
            self.exemplars = exemplars
            self.histograms = histograms
        }

        /// From a store label set (sorted, as Prometheus sends them).
        public init(_ labels: Labels, samples: [Sample], exemplars: [Exemplar] = [], histograms: [Histogram] = []) {
            self.init(labels: labels.map { Label($0.name, $0.value) }, samples: samples, exemplars: exemplars, histograms: histograms)
        }
    }

    public var series: [Series]
    public var metadata: [MetricMetadata]

    public init(series: [Series] = [], metadata: [MetricMetadata] = []) {
        self.series = series
        self.metadata = metadata
    }
}
