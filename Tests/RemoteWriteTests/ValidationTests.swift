import RemoteWrite
import TSDB
import Testing

/// Series-level rules: what is fixed up, what is refused, and that refusing
/// one series never costs the others (a partial write).
@Suite struct ValidationTests {
    static let decodings = RemoteWriteReceiver.Decoding.allCases
    let t0: Int64 = 1_700_000_000_000

    @Test(arguments: decodings)
    func invalidSeriesAreRefusedWhileValidOnesAreIngested(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let body = Requests.body(
            Requests.series([("__name__", "a"), ("job", "x")], [(1, t0)]),
            Requests.series([("job", "orphan")], [(1, t0), (2, t0 + 1000)]),
            Requests.series([("__name__", "c"), ("bad-name", "x")], [(1, t0)]),
            Requests.series([("__name__", "d")], [(4, t0)])
        )
        let outcome = receiver.receive(body, into: sink)
        #expect(outcome.status == 400)
        #expect(sink.series.map { $0.labels.metricName } == ["a", "d"])
        #expect(outcome.acceptedSamples == 2)
        // 2 samples of the orphan + 1 of the bad-name series.
        #expect(outcome.rejectedSamples == ["invalid_labels": 3])
        #expect(outcome.refusedSeries == 2)
        #expect(outcome.message == """
            3 samples rejected (invalid_labels: 3), 2 series refused: \
            invalid_labels for {job="orphan"} (missing metric name (no non-empty __name__ label)); \
            invalid_labels for c{bad-name="x"} (invalid label name "bad-name")
            """)
    }

    @Test(arguments: decodings)
    func unsortedLabelsAreSortedNotRefused(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let body = Requests.body(Requests.series([("zone", "eu"), ("job", "x"), ("__name__", "up"), ("app", "y")]))
        let outcome = receiver.receive(body, into: sink)
        #expect(outcome.status == 204)
        #expect(sink.rawNameOrder == [["__name__", "app", "job", "zone"]])
    }

    @Test(arguments: decodings)
    func emptyValuedLabelsAreDroppedBeforeIdentity(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let body = Requests.body(Requests.series([("__name__", "up"), ("job", ""), ("a", "b"), ("z", "")]))
        let outcome = receiver.receive(body, into: sink)
        #expect(outcome.status == 204)
        #expect(sink.series.first?.labels == Labels(["__name__": "up", "a": "b"]))
        #expect(sink.rawNameOrder == [["__name__", "a"]])
    }

    @Test(arguments: decodings)
    func nativeHistogramsAreRefusedButFloatSamplesOfTheSeriesIngested(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let histogram = RemoteWriteRequest.Histogram(
            timestamp: t0, count: 3, sum: 1.5, positiveSpans: [.init(offset: 0, length: 2)], positiveDeltas: [1, 1]
        )
        var mixed = Requests.series([("__name__", "latency"), ("job", "x")], [(7, t0)])
        mixed.histograms = [histogram, histogram]
        var histogramOnly = Requests.series([("__name__", "latency2")], [])
        histogramOnly.histograms = [histogram]
        let outcome = receiver.receive(Requests.body(mixed, histogramOnly), into: sink)
        #expect(outcome.status == 400)
        #expect(sink.series == [RecordingSink.Series(
            labels: Labels(["__name__": "latency", "job": "x"]), samples: [Sample(timestamp: t0, value: 7)]
        )])
        #expect(outcome.acceptedSamples == 1)
        #expect(outcome.rejectedSamples == ["native_histogram": 3])
        #expect(outcome.message == """
            3 samples rejected (native_histogram: 3): \
            native_histogram for latency{job="x"} at 1700000000000 (native histograms are not supported yet); \
            native_histogram for latency2 at 1700000000000 (native histograms are not supported yet)
            """)
    }

    @Test(arguments: decodings)
    func storeRejectionsAreNamedWithSeriesAndTimestamp(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        sink.refuseBefore = t0
        let body = Requests.body(
            Requests.series([("__name__", "up"), ("job", "x")], [(1, t0 - 2000), (1, t0 - 1000), (1, t0)]),
            Requests.series([("__name__", "ok")], [(1, t0)])
        )
        let outcome = receiver.receive(body, into: sink)
        #expect(outcome.status == 400)
        #expect(outcome.acceptedSamples == 2)
        #expect(outcome.rejectedSamples == ["out_of_order": 2])
        #expect(outcome.message == """
            2 samples rejected (out_of_order: 2): out_of_order for up{job="x"} at 1699999998000; \
            out_of_order for up{job="x"} at 1699999999000
            """)
    }

    @Test(arguments: decodings)
    func messageShowsTheFirstFiveRefusalsAndCountsTheRest(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let series = (0..<8).map { Requests.series([("instance", "host-\($0)")]) }
        let outcome = receiver.receive(RemoteWriteEncoder.encode(RemoteWriteRequest(series: series)), into: sink)
        #expect(outcome.status == 400)
        #expect(outcome.message.hasPrefix("8 samples rejected (invalid_labels: 8), 8 series refused: "))
        #expect(outcome.message.hasSuffix("; and 3 more"))
        #expect(outcome.message.contains("{instance=\"host-4\"}"))
        #expect(!outcome.message.contains("{instance=\"host-5\"}"))
    }

    @Test(arguments: decodings)
    func samplesKeepOrderStaleMarkersAndNaNBits(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let samples: [(Double, Int64)] = [(1, t0), (.nan, t0 + 1), (StaleMarker.value, t0 + 2), (-2.5, t0 + 3), (.infinity, t0 + 4)]
        let outcome = receiver.receive(Requests.body(Requests.series([("__name__", "x")], samples)), into: sink)
        #expect(outcome.status == 204)
        let delivered = sink.series.first?.samples ?? []
        #expect(delivered.map(\.timestamp) == [t0, t0 + 1, t0 + 2, t0 + 3, t0 + 4])
        #expect(delivered.map(\.value.bitPattern) == samples.map(\.0.bitPattern))
        #expect(delivered[2].isStaleMarker)
    }

    @Test(arguments: decodings)
    func labelValueWithNulByteKeepsItsFullLength(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let series = RemoteWriteRequest.Series(
            labels: [.init("__name__", "x"), .init(nameBytes: Array("path".utf8), valueBytes: [0x61, 0x00, 0x62])],
            samples: [Sample(timestamp: t0, value: 1)]
        )
        let outcome = receiver.receive(Requests.body(series), into: sink)
        #expect(outcome.status == 204)
        #expect(sink.series.first?.labels["path"] == "a\u{0}b")
    }

    @Test(arguments: decodings)
    func exemplarsBecomeStoreExemplarsAndBadOnesAreDropped(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        var series = Requests.series([("job", "x"), ("__name__", "requests_total")], [(10, t0)])
        series.exemplars = [
            .init(labels: [.init("trace_id", "abc123"), .init("span_id", "")], value: 0.25, timestamp: t0 - 500),
            .init(labels: [.init("bad-name", "x")], value: 1, timestamp: t0),
            .init(labels: [.init("trace_id", String(repeating: "a", count: 121))], value: 1, timestamp: t0),
        ]
        var exemplarOnly = Requests.series([("__name__", "other")], [])
        exemplarOnly.exemplars = [.init(labels: [], value: 2, timestamp: t0)]
        let outcome = receiver.receive(Requests.body(series, exemplarOnly), into: sink)
        #expect(outcome.status == 204)
        #expect(outcome.acceptedExemplars == 2)
        // The invalid name, and 8 + 121 characters > 128.
        #expect(outcome.droppedExemplars == 2)
        #expect(sink.exemplars == [
            Exemplar(
                seriesLabels: Labels(["__name__": "requests_total", "job": "x"]),
                labels: Labels(["trace_id": "abc123"]), value: 0.25, timestamp: t0 - 500
            ),
            Exemplar(seriesLabels: Labels(["__name__": "other"]), labels: .empty, value: 2, timestamp: t0),
        ])
        #expect(sink.series.map { $0.labels.metricName } == ["requests_total"], "a series without samples is not ingested")
    }

    @Test(arguments: decodings)
    func exemplarsOfRefusedSeriesAreDropped(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        var series = Requests.series([("job", "x")])
        series.exemplars = [.init(labels: [.init("trace_id", "abc")], value: 1, timestamp: t0)]
        let outcome = receiver.receive(Requests.body(series), into: sink)
        #expect(outcome.status == 400)
        #expect(outcome.droppedExemplars == 1)
        #expect(sink.exemplars.isEmpty)
    }

    @Test(arguments: decodings)
    func metadataTypesRoundTrip(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let metadata = MetricMetadata.MetricType.allCases.map {
            MetricMetadata(metricFamilyName: "m_\($0.rawValue)", type: $0, help: "Help for \($0).", unit: "seconds")
        }
        let nameless = MetricMetadata(metricFamilyName: "", type: .gauge, help: "no name", unit: "")
        let body = RemoteWriteEncoder.encode(RemoteWriteRequest(metadata: metadata + [nameless]))
        let outcome = receiver.receive(body, into: sink)
        #expect(outcome.status == 204)
        #expect(outcome.metadataCount == 8)
        #expect(sink.metadata == metadata)
    }

    @Test(arguments: decodings)
    func invalidSeriesAreRenderedEvenWhenLabelsAreHuge(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let sink = RecordingSink()
        let long = String(repeating: "v", count: 10_000)
        let outcome = receiver.receive(Requests.body(Requests.series([("job", long)])), into: sink)
        #expect(outcome.status == 400)
        #expect(outcome.message.count < 700)
        #expect(outcome.message.contains("…"))
    }

    @Test(arguments: decodings)
    func unknownAndReservedFieldsAreSkipped(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        var series = ProtoBytes()
        series.field(1, message: .label("__name__", "up"))
        series.field(15, varint: 42)  // unknown varint field
        series.field(2, message: .sample(3, t0))
        series.field(9, string: "unknown bytes")
        series.field(1, message: .label("job", "x"))  // labels after samples are fine
        var request = ProtoBytes()
        request.field(2, string: "cortex source")  // reserved field 2
        request.field(1, message: series)
        request.field(7, double: 1)  // unknown fixed64 field
        let sink = RecordingSink()
        let outcome = receiver.receive(Requests.snappy(request), into: sink)
        #expect(outcome.status == 204)
        #expect(sink.series == [RecordingSink.Series(
            labels: Labels(["__name__": "up", "job": "x"]), samples: [Sample(timestamp: t0, value: 3)]
        )])
    }

    @Test(arguments: decodings)
    func repeatedScalarFieldsKeepTheLastValue(_ decoding: RemoteWriteReceiver.Decoding) {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        var sample = ProtoBytes()
        sample.field(1, double: 1)
        sample.field(2, varint: 5)
        sample.field(1, double: 2)
        var label = ProtoBytes.label("__name__", "first")
        label.field(2, string: "second")
        var series = ProtoBytes()
        series.field(1, message: label)
        series.field(2, message: sample)
        var request = ProtoBytes()
        request.field(1, message: series)
        let sink = RecordingSink()
        #expect(receiver.receive(Requests.snappy(request), into: sink).status == 204)
        #expect(sink.series.first?.labels.metricName == "second")
        #expect(sink.series.first?.samples == [Sample(timestamp: 5, value: 2)])
    }
}
