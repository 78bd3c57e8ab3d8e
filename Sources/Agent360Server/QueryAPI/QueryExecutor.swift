import Dispatch

/// Threads of their own for the HTTP API's queries (`QueryGate` runs
/// them here).
///
/// A query runs from start to end without a suspension point. On Swift's
/// cooperative pool (one thread per core) two heavy queries would hold every
/// thread for their whole run, and remote-write requests, health checks and
/// the HPA's metrics requests would wait behind them. Run here, queries get
/// threads the kernel time-slices with everything else, so ingest keeps its
/// share of the CPU while they run. Rules and the Kubernetes metrics APIs
/// keep running where they are called: they must not queue behind
/// dashboards on these threads.
final class QueryExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "agent360.query", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Runs `body` with this executor preferred: its synchronous stretches
    /// (the evaluation) run on the executor's threads.
    func run<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> T {
        try await withTaskExecutorPreference(self, operation: body)
    }
}
