import TSDB

/// What a request reader collected besides the batch.
struct ReadResult {
    var refusals = RefusalLog()
    var exemplars: [Exemplar] = []
    var droppedExemplars = 0
    var metadata: [MetricMetadata] = []
}
