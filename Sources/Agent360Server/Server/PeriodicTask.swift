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
