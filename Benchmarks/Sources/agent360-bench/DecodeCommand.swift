import ArgumentParser
import CPrompb
import Foundation
import RemoteWrite
import TSDB

/// What each remote-write decoder costs, in process (no HTTP, no store),
/// for `remoteWrite.decoder`:
///
/// - the whole receive path (snappy, decode, label validation, delivery to a
///   sink that keeps nothing) with the direct reader and with protobuf-c;
/// - protobuf-c's unpack alone with the system allocator and
///   `free_unpacked` (no snappy, no validation, no delivery): more than the
///   whole receive path with agent360's arena costs, which is why the server
///   unpacks into the arena. This malloc mode lives here, not in the server,
///   because nothing but this measurement uses it.
///
/// Requests: the `make bench` fleet (`--series` per request, 8 labels) and
/// any captured bodies given with `--fixture`.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decode")

    @Option(help: "Series per synthetic request.") var series = 2000
    @Option(help: "Synthetic requests.") var requests = 50
    @Option(help: "Passes over all requests per measurement.") var repeats = 20
    @Option(help: "Captured snappy request bodies to decode too.") var fixture: [String] = []

    func run() throws {
        let generator = FleetGenerator(seriesCount: series * requests, shards: 1)
        let synthetic = generator.requestRounds(1, start: 1_700_000_000_000, batch: series, shards: 1)[0]
        let messages = synthetic.map { RemoteWriteEncoder.protobuf($0) }
        var bodies = messages.map { RemoteWriteEncoder.compress($0) }
        for path in fixture {
            bodies.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        var report: [String: Any] = ["requests": bodies.count, "seriesPerSyntheticRequest": series, "repeats": repeats]
        for decoding in [RemoteWriteReceiver.Decoding.direct, .protobufC] {
            let receiver = RemoteWriteReceiver(decoding: decoding)
            let seconds = try measure {
                for body in bodies {
                    let outcome = receiver.receive(body: body, contentType: nil, contentEncoding: "snappy", sink: DiscardingSink(), now: 0)
                    guard outcome.isSuccess else { throw ValidationError("\(decoding) refused a request: \(outcome.message)") }
                }
            }
            report["receive.\(decoding).msPerRequest"] = seconds * 1000 / Double(bodies.count)
        }
        let malloc = try measure {
            for message in messages {
                let request = message.withUnsafeBufferPointer { bytes in
                    prometheus__write_request__unpack(nil, bytes.count, bytes.baseAddress)
                }
                guard let request else { throw ValidationError("protobuf-c refused a request") }
                prometheus__write_request__free_unpacked(request, nil)
            }
        }
        report["unpackOnly.protobufCMalloc.msPerSyntheticRequest"] = malloc * 1000 / Double(messages.count)
        let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Seconds of one pass: the best of `repeats` (after one warm-up), so a
    /// neighbour's burst on a shared machine does not count.
    private func measure(_ pass: () throws -> Void) throws -> Double {
        try pass()
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0 ..< repeats {
            let started = clock.now
            try pass()
            let elapsed = clock.now - started
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }
}

/// Counts nothing and keeps nothing: the decode cost alone.
private struct DiscardingSink: RemoteWriteSink {
    func ingest(_ batch: IngestBatch, now: Int64) -> IngestResult { IngestResult() }
    func setMetadata(_ metadata: [MetricMetadata]) {}
    func addExemplars(_ exemplars: [Exemplar]) {}
}
