import Foundation

/// Threads of their own for the HTTP API's queries (`QueryGate` runs
/// them here), one per runnable query up to `maxThreads`.
///
/// A query runs from start to end without a suspension point. On Swift's
/// cooperative pool (one thread per core) two heavy queries would hold every
/// thread for their whole run, and remote-write requests, health checks and
/// small queries would wait behind them; a dispatch queue is no better (as
/// many threads as cores). Here every runnable query gets a thread and the
/// kernel time-slices them with everything else, as Go's scheduler does for
/// Prometheus: a small query takes a share of the CPU next to heavy ones
/// instead of waiting for them to end. The threads run at a lower priority
/// (`niceness`) than the rest of the server, so ingest keeps its CPU while
/// they do. Rules and the Kubernetes metrics APIs keep running where they
/// are called.
///
/// `@unchecked Sendable`: the job list and counters are touched only with
/// `condition` locked.
final class QueryExecutor: TaskExecutor, @unchecked Sendable {
    let maxThreads: Int
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var idle = 0
    private var threads = 0

    init(maxThreads: Int) {
        self.maxThreads = max(maxThreads, 1)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        let spawn = jobs.count > idle && threads < maxThreads
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn {
            let thread = Thread { [self] in work() }
            thread.name = "agent360-query"
            thread.start()
        }
    }

    /// Runs `body` with this executor preferred: its synchronous stretches
    /// (the evaluation) run on the executor's threads.
    func run<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> T {
        try await withTaskExecutorPreference(self, operation: body)
    }

    /// Niceness of query threads: the kernel gives a thread at 10 about a
    /// tenth of the CPU weight of one at 0, so while queries run, remote
    /// write (at 0) keeps most of the CPU and queries share the rest.
    static let niceness: Int32 = 10

    /// A thread's life: take the oldest job, run it, wait when there is none.
    private func work() {
        // On Linux niceness is per thread; 0 names the calling thread. A
        // failure leaves the thread at the server's niceness.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
        let executor = asUnownedTaskExecutor()
        condition.lock()
        while true {
            while jobs.isEmpty {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: executor)
            condition.lock()
        }
    }
}
