import Foundation
import Testing
@testable import Agent360Server

/// Where evaluations run decides who waits for whom when the CPU is short:
/// a rule over every series once held a cooperative thread for most of a
/// second, and health checks and HPA requests queued behind it.
@Suite("Evaluation executors")
struct EvaluationExecutorTests {
    /// The name and niceness of the thread the synchronous part runs on.
    private func placement(of executor: EvaluationExecutor) async -> (name: String, niceness: Int32) {
        await executor.run {
            errno = 0
            let niceness = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            return (Self.threadName(), niceness)
        }
    }

    /// The kernel's name of the calling thread (at most 15 bytes).
    private static func threadName() -> String {
        let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
        return comm.trimmingCharacters(in: .newlines)
    }

    @Test("each kind of work runs on its own named threads at its priority")
    func priorities() async {
        let base = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let kube = await placement(of: .kubernetesMetrics())
        let query = await placement(of: .httpQueries(maxConcurrency: 2))
        let background = await placement(of: .background(tasks: 2))
        #expect(kube.name == "agent360-kube" && kube.niceness == base)
        #expect(query.name == "agent360-query" && query.niceness == min(base + 10, 19))
        #expect(background.name == "agent360-bg" && background.niceness == min(base + 15, 19))
        // Kubernetes requests outrank queries, which outrank rules.
        #expect(kube.niceness < query.niceness && query.niceness < background.niceness)
    }

    @Test("a job that never yields does not hold up the next one")
    func concurrentJobs() async {
        let executor = EvaluationExecutor(name: "test-eval", niceness: 0, maxThreads: 2)
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        await withTaskGroup(of: String.self) { group in
            // The first job blocks its thread until the second has run: with
            // one thread (or the cooperative pool's one per core, all busy)
            // this would never finish.
            group.addTask {
                await executor.run {
                    started.signal()
                    release.wait()
                    return "first"
                }
            }
            group.addTask {
                await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global().async { started.wait(); resume.resume() }
                }
                return await executor.run {
                    release.signal()
                    return "second"
                }
            }
            var finished: Set<String> = []
            for await name in group { finished.insert(name) }
            #expect(finished == ["first", "second"])
        }
    }

    @Test("no more threads than the limit, however many jobs wait")
    func threadLimit() async {
        let executor = EvaluationExecutor(name: "test-limit", niceness: 0, maxThreads: 3)
        let threads = await withTaskGroup(of: UInt64.self) { group in
            for _ in 0 ..< 24 {
                group.addTask {
                    await executor.run {
                        usleep(2_000)
                        return UInt64(pthread_self())
                    }
                }
            }
            var threads: Set<UInt64> = []
            for await thread in group { threads.insert(thread) }
            return threads
        }
        #expect(threads.count >= 1 && threads.count <= 3)
    }
}
