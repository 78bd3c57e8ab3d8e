import RemoteWrite
import TSDB

/// Small request builders shared by the tests.
enum Requests {
    typealias L = RemoteWriteRequest.Label

    static func series(_ labels: [(String, String)], _ samples: [(Double, Int64)] = [(1, 1_700_000_000_000)]) -> RemoteWriteRequest.Series {
        RemoteWriteRequest.Series(
            labels: labels.map { L($0.0, $0.1) },
            samples: samples.map { Sample(timestamp: $0.1, value: $0.0) }
        )
    }

    /// Packed by protobuf-c itself, so requests under test do not depend on
    /// the direct packer (which EncoderTests holds byte-equal to it).
    static func body(_ series: RemoteWriteRequest.Series...) -> [UInt8] {
        RemoteWriteEncoder.encode(RemoteWriteRequest(series: series), packer: .protobufC)
    }

    /// `up{job="x"} 1 @1700000000000`: the request that must always work.
    static let good = body(series([("__name__", "up"), ("job", "x")]))

    /// Snappy around hand-made protobuf bytes.
    static func snappy(_ proto: ProtoBytes) -> [UInt8] {
        RemoteWriteEncoder.compress(proto.bytes)
    }
}

extension RemoteWriteReceiver {
    /// Receive with the headers a Prometheus 1.0 sender uses.
    func receive(_ body: [UInt8], into sink: some RemoteWriteSink, now: Int64 = 1_700_000_000_000) -> RemoteWriteOutcome {
        receive(body: body, contentType: "application/x-protobuf", contentEncoding: "snappy", sink: sink, now: now)
    }
}
