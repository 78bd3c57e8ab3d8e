import ServiceLifecycle

/// The loop every background service shares: run a step, sleep, repeat,
/// and stop promptly (mid-sleep) on graceful shutdown or cancellation.
enum PeriodicTask {
    static func run(initialDelay: Duration, every interval: Duration, _ step: @escaping @Sendable () async -> Void) async {
        do {
            try await cancelWhenGracefulShutdown {
                var pause = initialDelay
                while true {
                    try await Task.sleep(for: pause)
                    await step()
                    pause = interval
                }
            }
        } catch {
            // CancellationError: shutdown was requested while sleeping.
        }
    }
}

extension PeriodicTask {
    /// Runs `step` at each multiple of `interval` (ms), `delay` ms late,
    /// passing the slot's time: recorded and derived series then line up
    /// across restarts and with a Prometheus evaluating the same interval.
    static func runAligned(every interval: Int64, delay: Int64 = 0, _ step: @escaping @Sendable (Int64) async -> Void) async {
        let now = WallClock.nowMilliseconds() - delay
        let next = (now / interval + 1) * interval
        await run(initialDelay: .milliseconds(next - now), every: .milliseconds(interval)) {
            await step((WallClock.nowMilliseconds() - delay) / interval * interval)
        }
    }
}
