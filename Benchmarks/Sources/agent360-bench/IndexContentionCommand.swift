import ArgumentParser
import Foundation
import Synchronization
import TSDB

/// How long creating a series waits for the index while selectors over a
/// high-cardinality label resolve: one task creates new series one at a
/// time and times each, another resolves `{pod=~"…"}` (a regex matching no
/// value, so resolution is the whole cost) in a loop. In-process, on the
/// store alone, so the figure is the index lock and nothing else.
struct IndexContentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index-contention")

    @Option(help: "Distinct pod values (one series each).") var values = 1_000_000
    @Option(help: "Seconds to measure.") var seconds = 5.0
    @Option(help: "Run the resolving loop (false: creation alone, the baseline).") var queries = true
    @Option(help: "Label values copied per index-lock hold (0: all in one hold).") var valuesPerHold = 4096

    func run() async throws {
        var options = StoreOptions(maxActiveSeries: 0)
        options.valuesPerIndexHold = valuesPerHold > 0 ? valuesPerHold : .max
        let store = MemoryStore(options: options)
        let now = Int64(Date.now.timeIntervalSince1970 * 1000)
        let sample = [Sample(timestamp: now, value: 1)]
        for pod in 0..<values {
            _ = store.append(Labels(["__name__": "pods", "pod": "pod-\(pod)"]), sample, now: now)
        }
        let stop = Atomic<Bool>(false)
        let matcher = try LabelMatcher(.regexMatch, "pod", "nomatch-.+")
        let resolver = Task.detached { () -> [Double] in
            var took: [Double] = []
            while !stop.load(ordering: .relaxed) && queries {
                let started = ContinuousClock.now
                _ = try? store.series([matcher], minTime: .min, maxTime: .max)
                took.append(Self.milliseconds(ContinuousClock.now - started))
            }
            return took
        }
        let creator = Task.detached { () -> [Double] in
            var waits: [Double] = []
            var next = 0
            let end = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
            while ContinuousClock.now < end {
                let started = ContinuousClock.now
                _ = store.append(Labels(["__name__": "fresh", "i": "\(next)"]), sample, now: now)
                waits.append(Self.milliseconds(ContinuousClock.now - started))
                next += 1
            }
            return waits
        }
        var waits = await creator.value
        stop.store(true, ordering: .relaxed)
        var resolves = await resolver.value
        waits.sort()
        resolves.sort()
        let result: [String: Any] = [
            "values": values, "queries": queries, "valuesPerHold": valuesPerHold, "creations": waits.count, "resolves": resolves.count,
            "createP50Ms": Self.percentile(waits, 0.5), "createP99Ms": Self.percentile(waits, 0.99),
            "createP999Ms": Self.percentile(waits, 0.999), "createMaxMs": waits.last ?? -1,
            "resolveP50Ms": Self.percentile(resolves, 0.5), "resolveMaxMs": resolves.last ?? -1,
            // One creation per resolve can meet a copy under the lock: the
            // slowest creations show it (or the machine's noise, without queries).
            "createTopMs": Array(waits.suffix(10).reversed()),
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) * 1e-15
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return -1 }
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
