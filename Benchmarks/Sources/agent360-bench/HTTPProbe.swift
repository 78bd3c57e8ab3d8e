import AsyncHTTPClient
import Foundation
import NIOCore
import RemoteWrite
import Synchronization

/// Timed remote-write and query requests against one server.
struct HTTPProbe: Sendable {
    let client: HTTPClient
    let base: String

    /// One outcome: milliseconds and whether the server answered success.
    struct Outcome: Sendable {
        var milliseconds: Double
        var ok: Bool
        var error: String?
    }

    func write(_ body: [UInt8]) async -> Outcome {
        var request = HTTPClientRequest(url: "\(base)/api/v1/write")
        request.method = .POST
        for header in RemoteWriteEncoder.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        return await timed(request) { status, _ in status == 204 || status == 200 }
    }

    func query(_ path: String, _ query: String, _ extra: String) async -> Outcome {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
        let request = HTTPClientRequest(url: "\(base)/api/v1/\(path)?query=\(encoded)\(extra)")
        return await timed(request) { status, body in status == 200 && body.contains(#""status":"success""#) }
    }

    private func timed(_ request: HTTPClientRequest, _ succeeded: (Int, String) -> Bool) async -> Outcome {
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: .seconds(300))
            let body = String(buffer: try await response.body.collect(upTo: 256 << 20))
            let elapsed = ContinuousClock.now - started
            let ok = succeeded(Int(response.status.code), body)
            return Outcome(milliseconds: Self.milliseconds(elapsed), ok: ok,
                           error: ok ? nil : "\(response.status.code) \(body.prefix(200))")
        } catch {
            return Outcome(milliseconds: Self.milliseconds(ContinuousClock.now - started), ok: false, error: "\(error)")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) * 1e-15
    }
}

/// Latencies of successful requests, failures and the first error.
struct Timings: Sendable {
    var label = ""
    var milliseconds: [Double] = []
    var failed = 0
    var firstError: String?

    mutating func add(_ outcome: HTTPProbe.Outcome) {
        if outcome.ok {
            milliseconds.append(outcome.milliseconds)
        } else {
            failed += 1
            firstError = firstError ?? outcome.error
        }
    }

    mutating func merge(_ other: Timings) {
        milliseconds += other.milliseconds
        failed += other.failed
        firstError = firstError ?? other.firstError
    }

    var summary: [String: Any] {
        let sorted = milliseconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return -1 }
            return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
        }
        return ["label": label, "count": sorted.count, "failed": failed, "firstError": firstError ?? "",
                "p50Ms": percentile(0.5), "p99Ms": percentile(0.99), "maxMs": sorted.last ?? -1]
    }
}

/// Tells the query loops of a phase to end.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}
