import Foundation

/// Threads of their own for PromQL evaluation, one per runnable job up to
/// `maxThreads`, at a chosen priority.
///
/// An evaluation runs from start to end without a suspension point. On
/// Swift's cooperative pool (one thread per core) a recording rule over
/// every series held a thread for most of a second, and remote-write
/// requests, health checks and Kubernetes metrics requests queued behind
/// it: in the soak their p99 was ~1 s every rule interval. A dispatch queue
/// is no better (as many threads as cores). Here every runnable job gets a
/// thread and the kernel time-slices them with everything else, as Go's
/// scheduler does for Prometheus: a small query takes a share of the CPU
/// next to heavy ones instead of waiting for them to end.
///
/// The server keeps three of these, so the kernel's priorities say what
/// matters most when the CPU is short (see `Agent360Server`):
/// Kubernetes metrics requests at the server's own priority (an HPA is
/// waiting), HTTP API queries below it, recording rules and scaling
/// evaluations below those (a rule finishing 100 ms later changes nothing).
///
/// `@unchecked Sendable`: the job list and counters are touched only with
/// `condition` locked.
final class EvaluationExecutor: TaskExecutor, @unchecked Sendable {
    let name: String
    let maxThreads: Int
    /// Added to the process's niceness for every thread: the kernel gives a
    /// thread at 10 about a tenth of the CPU weight of one at 0, and one at
    /// 15 about a third of one at 10.
    let niceness: Int32
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var idle = 0
    private var threads = 0

    init(name: String, niceness: Int32, maxThreads: Int) {
        self.name = name
        self.niceness = niceness
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
            Thread { [self] in work() }.start()
        }
    }

    /// Runs `body` with this executor preferred: its synchronous stretches
    /// (the evaluation) run on the executor's threads.
    func run<T, Failure: Error>(_ body: () async throws(Failure) -> T) async throws(Failure) -> T {
        try await withTaskExecutorPreference(self, operation: body)
    }

    /// A thread's life: take the oldest job, run it, wait when there is none.
    private func work() {
        Self.nameCallingThread(name)
        // On Linux niceness is per thread; 0 names the calling thread. A
        // failure leaves the thread at the server's niceness.
        if niceness != 0 {
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        }
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

extension EvaluationExecutor {
    /// Gives the calling thread the kernel name `top -H`, `perf` and gdb
    /// show (15 bytes at most). Foundation's `Thread.name` did not reliably
    /// reach the kernel; the thread's `comm` file always does.
    private static func nameCallingThread(_ name: String) {
        let fd = open("/proc/thread-self/comm", O_WRONLY)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The HTTP API's queries (`QueryGate`): below ingest and the
    /// Kubernetes metrics APIs, so a dashboard cannot take their CPU.
    static func httpQueries(maxConcurrency: Int) -> EvaluationExecutor {
        EvaluationExecutor(name: "agent360-query", niceness: 10, maxThreads: maxConcurrency + 8)
    }

    /// The Kubernetes metrics APIs: an HPA waits on each answer, so they run
    /// at the server's priority, off the cooperative pool that serves ingest.
    static func kubernetesMetrics() -> EvaluationExecutor {
        EvaluationExecutor(name: "agent360-kube", niceness: 0, maxThreads: 8)
    }

    /// Recording rules, scaling evaluations and retention: periodic, each
    /// with a whole interval to finish, so they yield the CPU to requests
    /// someone waits on. `tasks` periodic tasks share at most 4 threads.
    static func background(tasks: Int) -> EvaluationExecutor {
        EvaluationExecutor(name: "agent360-bg", niceness: 15, maxThreads: min(max(tasks, 1), 4))
    }
}
