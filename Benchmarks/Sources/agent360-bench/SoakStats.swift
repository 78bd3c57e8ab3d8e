import Synchronization

/// The request kinds a soak sends, in CSV and summary order.
enum SoakKind: String, CaseIterable, Sendable {
    case write
    case queryRange = "query_range"
    case external
    case custom
}

/// What one kind of request did over a stretch of time.
struct SoakTally: Sendable {
    var latenciesMs: [Double] = []
    var errors = 0
    /// 2xx answers with no series in them (not errors, but worth seeing).
    var empty = 0
    var samples = 0
    var firstError: String?

    var requests: Int { latenciesMs.count }

    mutating func note(ms: Double, error: String?, empty: Bool, samples: Int) {
        latenciesMs.append(ms)
        if let error {
            errors += 1
            firstError = firstError ?? error
        } else {
            self.samples += samples
        }
        if empty { self.empty += 1 }
    }

    /// Nearest-rank percentile of the answered latencies (-1 when none).
    func percentile(_ p: Double) -> Double {
        guard !latenciesMs.isEmpty else { return -1 }
        let sorted = latenciesMs.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }
}

/// Counts every soak request as it completes: a window the sampler empties
/// every few seconds into one CSV row, and totals for the final summary.
/// Shared by the writer shards and probe workers, hence the lock.
final class SoakStats: Sendable {
    private struct State {
        var window: [SoakKind: SoakTally] = [:]
        var total: [SoakKind: SoakTally] = [:]
        var skippedRounds = 0
        var loggedErrors = 0
    }

    private let state = Mutex(State())

    /// Records one answer; an error (non-2xx, transport failure, bad body)
    /// is printed to stderr for the first few, with the time into the soak.
    func record(_ kind: SoakKind, ms: Double, error: String? = nil, empty: Bool = false, samples: Int = 0, at elapsed: Double) {
        let log = state.withLock { state -> Bool in
            state.window[kind, default: SoakTally()].note(ms: ms, error: error, empty: empty, samples: samples)
            state.total[kind, default: SoakTally()].note(ms: ms, error: error, empty: empty, samples: samples)
            guard error != nil, state.loggedErrors < 20 else { return false }
            state.loggedErrors += 1
            return true
        }
        if log, let error { printError("soak: \(kind.rawValue) error at \(Int(elapsed)) s: \(error)") }
    }

    /// A writer shard fell more than a round behind and skipped to now.
    func skippedRound() {
        state.withLock { $0.skippedRounds += 1 }
    }

    /// The window since the last call, emptied.
    func takeWindow() -> [SoakKind: SoakTally] {
        state.withLock { state in
            defer { state.window = [:] }
            return state.window
        }
    }

    var totals: (tallies: [SoakKind: SoakTally], skippedRounds: Int) {
        state.withLock { ($0.total, $0.skippedRounds) }
    }
}
