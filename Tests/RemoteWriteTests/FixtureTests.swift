import RemoteWrite
import TSDB
import Testing

/// Requests captured from a real Prometheus 2.42: no encoder of ours made them.
@Suite struct FixtureTests {
    let receiver = RemoteWriteReceiver()

    func receive(_ number: Int, into sink: RecordingSink) throws -> RemoteWriteOutcome {
        receiver.receive(
            body: try Fixtures.body(number), contentType: "application/x-protobuf",
            contentEncoding: "snappy", sink: sink, now: 1_795_933_390_000
        )
    }

    @Test func firstRequestDecodesEverySeries() throws {
        let sink = RecordingSink()
        let outcome = try receive(0, into: sink)
        #expect(outcome.status == 204)
        #expect(outcome.message.isEmpty)
        #expect(outcome.acceptedSamples == 155)
        #expect(outcome.totalRejectedSamples == 0)
        #expect(sink.series.count == 155)
        #expect(sink.sampleCount == 155)
        #expect(sink.lastNow == 1_795_933_390_000)
        // The target exposes 150 samples plus 5 synthetic scrape series.
        #expect(sink.series(named: "agent360_http_request_duration_seconds_bucket").count == 72)
        #expect(sink.series(named: "agent360_http_requests_total").count == 60)
        #expect(sink.series(named: "agent360_http_request_duration_seconds_sum").count == 6)
        #expect(sink.series(named: "agent360_process_cpu_usage_ratio").count == 3)
        #expect(sink.series(named: "up").count == 1)

        let first = try #require(sink.series.first)
        #expect(first.labels == Labels([
            Label("__name__", "agent360_http_requests_total"), Label("code", "200"),
            Label("instance", "127.0.0.1:19100"), Label("job", "agent360-app"), Label("method", "GET"),
            Label("namespace", "default"), Label("pod", "agent360-0000"), Label("route", "/api/v0"),
        ]))
        #expect(first.samples == [Sample(timestamp: 1_795_933_385_983, value: 0)])

        let up = try #require(sink.series(named: "up").first)
        #expect(up.labels == Labels(["__name__": "up", "instance": "127.0.0.1:19100", "job": "agent360-app"]))
        #expect(up.samples == [Sample(timestamp: 1_795_933_385_983, value: 1)])
        let scraped = try #require(sink.series(named: "scrape_samples_scraped").first)
        #expect(scraped.samples.first?.value == 150)
        let memory = sink.series(named: "agent360_process_memory_usage_ratio")
            .first { $0.labels["pod"] == "agent360-0002" }
        #expect(memory?.samples == [Sample(timestamp: 1_795_933_385_983, value: 0.5095)])
    }

    @Test func laterRequestCarriesGrowingCounters() throws {
        let sink = RecordingSink()
        let outcome = try receive(5, into: sink)
        #expect(outcome.status == 204)
        #expect(sink.series.count == 155)
        // Four scrapes (one per second) after file 000000's timestamp.
        #expect(sink.series.allSatisfy { $0.samples.map(\.timestamp) == [1_795_933_389_983] })
        #expect(sink.series.first?.samples.first?.value == 185.975)
        let infBucket = sink.series(named: "agent360_http_request_duration_seconds_bucket").first {
            $0.labels["le"] == "+Inf" && $0.labels["route"] == "/api/v0" && $0.labels["pod"] == "agent360-0000"
        }
        #expect(infBucket?.samples.first?.value == 464.938)
        let sum = sink.series(named: "agent360_http_request_duration_seconds_sum").first {
            $0.labels["route"] == "/api/v0" && $0.labels["pod"] == "agent360-0000"
        }
        #expect(sum?.samples.first?.value == 120.884)
    }

    @Test func everySampleRequestIsDeliveredSortedAndComplete() throws {
        for (number, timestamp, firstValue) in [
            (1, Int64(1_795_933_386_983), 46.3926), (2, 1_795_933_387_983, 92.8732), (3, 1_795_933_388_983, 139.402),
        ] {
            let sink = RecordingSink()
            let outcome = try receive(number, into: sink)
            #expect(outcome.status == 204, "file \(number)")
            #expect(outcome.acceptedSamples == 155, "file \(number)")
            #expect(sink.series.first?.samples == [Sample(timestamp: timestamp, value: firstValue)], "file \(number)")
            #expect(sink.rawNameOrder.allSatisfy { $0 == $0.sorted() && Set($0).count == $0.count })
            #expect(Set(sink.series.map(\.labels)).count == 155, "series are distinct")
        }
    }

    @Test func metadataOnlyRequestIsAcceptedWithItsFamilies() throws {
        let sink = RecordingSink()
        let outcome = try receive(4, into: sink)
        #expect(outcome.status == 204)
        #expect(outcome.metadataCount == 4)
        #expect(outcome.acceptedSamples == 0)
        #expect(sink.ingestCalls == 0)
        #expect(sink.metadata == [
            MetricMetadata(metricFamilyName: "agent360_http_requests_total", type: .counter, help: "Requests handled.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_http_request_duration_seconds", type: .histogram, help: "Request latency.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_process_cpu_usage_ratio", type: .gauge, help: "CPU in use.", unit: ""),
            MetricMetadata(metricFamilyName: "agent360_process_memory_usage_ratio", type: .gauge, help: "Memory in use.", unit: ""),
        ])
    }

    @Test func protobufCDecodingDeliversTheSame() throws {
        #expect(receiver.decoding == .direct)
        let other = RemoteWriteReceiver(decoding: .protobufC)
        for number in 0...5 {
            let directSink = RecordingSink()
            let otherSink = RecordingSink()
            let body = try Fixtures.body(number)
            let a = receiver.receive(body: body, contentType: nil, contentEncoding: "snappy", sink: directSink, now: 0)
            let b = other.receive(body: body, contentType: nil, contentEncoding: "snappy", sink: otherSink, now: 0)
            #expect(a == b)
            #expect(directSink.series == otherSink.series)
            #expect(directSink.metadata == otherSink.metadata)
        }
    }
}
