import Dispatch

/// Runs async work to completion from libFuzzer's synchronous callback.
/// The query engine's entry points are async; the fuzz loop is not.
///
/// The work closure (and whatever it captured) is released inside the task,
/// before the caller resumes: otherwise the task's teardown races
/// libFuzzer's leak check, which then reports the captures as leaked.
public func runBlocking(_ work: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    let pending = PendingWork(work)
    Task.detached {
        await pending.run()
        done.signal()
    }
    done.wait()
}

/// Holds the closure so the task can drop it once it has run. Only the one
/// task touches `work` after `runBlocking` hands it over.
private final class PendingWork: @unchecked Sendable {
    private var work: (@Sendable () async -> Void)?

    init(_ work: @escaping @Sendable () async -> Void) {
        self.work = work
    }

    func run() async {
        await work?()
        work = nil
    }
}
