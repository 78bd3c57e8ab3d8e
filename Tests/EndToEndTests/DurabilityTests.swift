import AsyncHTTPClient
import Foundation
import RemoteWrite
import TSDB
import Testing

/// The write-ahead log and checkpoints of `agent360 serve --storage.path`,
/// proven with real processes: kill -9 in the middle of remote writes,
/// SIGTERM checkpoints, damaged segments, a second process on the same
/// directory, a full disk and an unusable path.
@Suite("Durability: WAL and checkpoints with real processes", .serialized)
struct DurabilityTests {
    /// Parses "s042" back to 42.
    static func seriesIndex(_ name: String) -> Int? {
        guard name.hasPrefix("s") else { return nil }
        return Int(name.dropFirst())
    }

    /// What the store holds of `metric` compared with the ledger, plus
    /// `count_over_time` agreeing with the raw samples (no hidden duplicates).
    static func problems(_ baseURL: String, metric: String, ledger: AckLedger) async throws -> (problems: [String], stored: Int) {
        let now = Durability.nowMilliseconds()
        let stored = try await Durability.stored(baseURL, "\(metric)[1h]", at: now)
        var problems = ledger.problems(stored: stored, seriesIndex: seriesIndex)
        let counts = try await Durability.vector(baseURL, "count_over_time(\(metric)[1h])", at: now)
        for (name, samples) in stored where counts[name] != Double(samples.count) {
            problems.append("\(name): count_over_time \(counts[name].map { "\($0)" } ?? "absent"), \(samples.count) raw samples")
        }
        return (problems, stored.values.reduce(0) { $0 + $1.count })
    }

    static func expectNoProblems(_ found: [String], _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.isEmpty, "\(context): \(found.count) problems, first: \(found.prefix(10))", sourceLocation: sourceLocation)
    }

    // MARK: 1. kill -9 during remote write

    @Test("every acknowledged remote write survives kill -9 at random moments")
    func killNineDuringRemoteWrite() async throws {
        let metric = "durability_crash"
        let seriesCount = 200
        let writers = 4
        let perRequest = 2
        let step: Int64 = 100
        let base = Durability.nowMilliseconds() - 50 * 60_000
        // Timestamps stay in the past (and inside retention) however fast the writers are.
        let maxIndex = Int(50 * 60_000 / step) - perRequest
        let ledger = AckLedger()
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            var next = Array(repeating: 0, count: writers)
            var cycles: [String] = []
            for cycle in 0..<4 {
                let stop = OnceFlag()
                let url = instance.baseURL
                let starts = next
                let ackedBefore = ledger.ackedRequests
                let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(decompression: .disabled))
                let load = Task { () -> [Int] in
                    await withTaskGroup(of: (Int, Int).self) { group in
                        for writer in 0..<writers {
                            group.addTask {
                                let series = Array(stride(from: writer, to: seriesCount, by: writers))
                                var index = starts[writer]
                                while !stop.isSet, index + perRequest <= maxIndex {
                                    let times = (index..<index + perRequest).map { base + Int64($0) * step }
                                    index += perRequest
                                    let request = Durability.request(metric: metric, series: series, timestamps: times)
                                    let result = try? await Durability.post(url, request, client: client)
                                    let acknowledged = result.map { (200..<300).contains($0.status) } ?? false
                                    ledger.record(series: series, timestamps: times, acknowledged: acknowledged)
                                    if let result, !acknowledged {
                                        ledger.note("cycle \(cycle): \(result.status) \(result.text.prefix(200))")
                                    }
                                    if !acknowledged { try? await Task.sleep(for: .milliseconds(10)) }
                                }
                                return (writer, index)
                            }
                        }
                        var ends = starts
                        for await (writer, index) in group { ends[writer] = index }
                        return ends
                    }
                }
                // Kill at a random moment once writes are flowing (a loaded CI
                // machine can take longer than the random delay to answer the first).
                let delay = Int.random(in: 100...800)
                let killed: Result<Void, any Error>
                do {
                    let flowing = ContinuousClock.now + .seconds(20)
                    while ledger.ackedRequests == ackedBefore && ContinuousClock.now < flowing {
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    try await Task.sleep(for: .milliseconds(delay))
                    try await instance.kill(agent)
                    killed = .success(())
                } catch {
                    killed = .failure(error)
                }
                // Nothing in flight now can still be acknowledged: stop the writers
                // (cancelling requests that wait for a connection to the dead port).
                stop.set()
                load.cancel()
                next = await load.value
                try? await client.shutdown()
                try killed.get()
                let acked = ledger.ackedRequests - ackedBefore
                cycles.append("cycle \(cycle): kill \(delay) ms after the first acknowledgement, \(acked) requests acknowledged")
                #expect(acked > 0, "cycle \(cycle): no request was acknowledged within 20 s")
                agent = try await instance.start()
            }
            #expect(next.allSatisfy { $0 + perRequest <= maxIndex }, "writers ran out of timestamps: \(next)")
            #expect(ledger.notes.isEmpty, "non-2xx answers while running: \(ledger.notes.prefix(5))")

            // After the last restart: exactly the acknowledged samples (and maybe the unanswered ones).
            let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "after 4 kills (\(cycles))")
            let acked = ledger.acked.values.reduce(0) { $0 + $1.count }
            let maybe = ledger.maybe.values.reduce(0) { $0 + $1.count }
            #expect(stored >= acked)
            #expect(stored <= acked + maybe)
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_unrestorable_samples") == 0)

            // A clean stop checkpoints all of it; the next start answers the same.
            #expect(await agent.stop() == 0)
            agent = try await instance.start()
            let (afterCheckpoint, storedAfter) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(afterCheckpoint, "after SIGTERM and restart")
            #expect(storedAfter == stored)
            print("kill -9 durability: \(cycles.joined(separator: "; ")); \(ledger.ackedRequests) requests acknowledged "
                  + "(\(acked) samples), \(ledger.failedRequests) unanswered (\(maybe) samples), \(stored) samples stored")
        }
    }

    // MARK: 2. SIGTERM checkpoint

    @Test("SIGTERM writes a checkpoint; the restart answers every query identically")
    func sigtermCheckpoint() async throws {
        let metric = "durability_checkpoint"
        let series = Array(0..<100)
        let start = Durability.nowMilliseconds() - 45 * 60_000
        let ledger = AckLedger()
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            for request in 0..<20 {
                let times = (0..<6).map { start + Int64(request * 6 + $0) * 15_000 }
                try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: series, timestamps: times))
                ledger.record(series: series, timestamps: times, acknowledged: true)
            }
            let written = 100 * 20 * 6
            // Just after the last sample, so rate() and the instant selector see data.
            let time = start + 120 * 15_000
            let queries = [
                "\(metric)[1h]", "count_over_time(\(metric)[1h])", "sum(rate(\(metric)[5m]))",
                "max_over_time(\(metric){series=~\"s00.\"}[30m])", "\(metric)",
            ]
            func answers() async throws -> [String] {
                var texts: [String] = []
                for query in queries {
                    let url = "\(agent.baseURL)/api/v1/query?query=\(query.queryEncoded)&time=\(Double(time) / 1000)"
                    texts.append(try Self.canonical(try PrometheusAPI.data(from: try await HTTP.get(url))))
                }
                return texts
            }
            let before = try await answers()
            #expect(before.allSatisfy { $0.contains("\"value") }, "a query answered no data: \(before.map { $0.prefix(200) })")

            #expect(await agent.stop() == 0)
            let names = try FileManager.default.contentsOfDirectory(atPath: instance.storagePath)
            let checkpoints = names.filter { $0.hasPrefix("checkpoint.") && !$0.hasSuffix(".tmp") }
            #expect(checkpoints.count == 1, "storage directory holds \(names)")
            #expect(!names.contains { $0.hasSuffix(".tmp") }, "a temporary checkpoint was left: \(names)")
            let covered = checkpoints.first.flatMap { Int($0.dropFirst("checkpoint.".count)) } ?? -1
            #expect(covered >= 1)
            // Segments the checkpoint covers are gone; what is left holds nothing.
            for segment in try WALFiles.segments(instance.storagePath) {
                let number = Int(URL(fileURLWithPath: segment).lastPathComponent) ?? 0
                #expect(number > covered, "segment \(segment) is covered by checkpoint \(covered) but still there")
                #expect(try WALFiles.size(segment) == 0, "\(segment) is not empty after a clean stop")
            }
            #expect(agent.process.output.contains("checkpoint written"))

            agent = try await instance.start()
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_samples") == Double(written))
            #expect(agent.process.output.contains("checkpointSamples=\(written)"), "\(agent.process.output.suffix(2000))")
            let after = try await answers()
            for (index, query) in queries.enumerated() {
                #expect(before[index] == after[index], "\(query) answers differently after the restart")
            }

            // Checkpoint plus the WAL after it: more writes, kill -9, restart.
            for request in 20..<25 {
                let times = (0..<6).map { start + Int64(request * 6 + $0) * 15_000 }
                try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: series, timestamps: times))
                ledger.record(series: series, timestamps: times, acknowledged: true)
            }
            let (live, liveStored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(live, "samples appended to series restored from the checkpoint, before any restart")
            #expect(liveStored == 100 * 25 * 6)
            try await instance.kill(agent)
            agent = try await instance.start()
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_samples") == Double(100 * 25 * 6))
            let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "checkpoint + WAL after kill -9")
            #expect(stored == 100 * 25 * 6)
        }
    }

    @Test("samples appended to series restored from a checkpoint are kept, whatever the head chunk's fill")
    func appendAfterCheckpointRestore() async throws {
        let metric = "durability_restored"
        // Samples before the checkpoint per series: heads empty-ish, half full, full (120), past full.
        let fills = [1, 2, 59, 60, 61, 119, 120, 121, 130, 240]
        let start = Durability.nowMilliseconds() - 50 * 60_000
        let ledger = AckLedger()
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            for (index, fill) in fills.enumerated() {
                let times = (0..<fill).map { start + Int64($0) * 10_000 }
                try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: [index], timestamps: times))
                ledger.record(series: [index], timestamps: times, acknowledged: true)
            }
            #expect(await agent.stop() == 0)
            agent = try await instance.start()
            let (restored, _) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(restored, "restored from the checkpoint")
            for (index, fill) in fills.enumerated() {
                let times = (fill..<fill + 30).map { start + Int64($0) * 10_000 }
                try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: [index], timestamps: times))
                ledger.record(series: [index], timestamps: times, acknowledged: true)
            }
            let (appended, _) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(appended, "30 samples appended after the restore (fills \(fills))")
        }
    }

    /// A query answer as text that does not depend on the order of series.
    static func canonical(_ data: [String: Any]) throws -> String {
        var copy = data
        var items: [String] = []
        if let result = data["result"] as? [Any] {
            items = try result.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
            copy["result"] = nil
        }
        let rest = String(decoding: try JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys]), as: UTF8.self)
        return rest + "\n" + items.sorted().joined(separator: "\n")
    }

    // MARK: 3. Damaged segments

    /// Batches of sequential requests (one WAL frame each once the series exist).
    struct Batch {
        var requests: [[Int64]]
        var series: [Int]
        func record(_ ledger: AckLedger, _ range: Range<Int>? = nil) {
            for times in requests[range ?? requests.indices] { ledger.record(series: series, timestamps: times, acknowledged: true) }
        }
    }

    /// Writes `count` requests of 4 timestamps each for 50 series, continuing at `next`.
    static func writeBatch(_ agent: Agent360Process, metric: String, count: Int, series: [Int] = Array(0..<50),
                           next: inout Int64) async throws -> Batch {
        var batch = Batch(requests: [], series: series)
        for _ in 0..<count {
            let times = (0..<4).map { next + Int64($0) * 1000 }
            next += 4000
            try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: series, timestamps: times))
            batch.requests.append(times)
        }
        return batch
    }

    /// The frames of a segment holding only samples records of one batch.
    static func samplesFrames(_ segment: String, count: Int) throws -> [WALFiles.Frame] {
        let (frames, trailing) = try WALFiles.frames(segment)
        #expect(trailing == 0, "\(segment): \(trailing) bytes after the last whole frame before any damage")
        // Type 4: samples with values as differences (`WALRecordType.sampleDeltas`).
        guard frames.count == count, frames.allSatisfy({ $0.type == 4 }) else {
            throw TestFailure("\(segment): expected \(count) samples frames (one per request), found types \(frames.map(\.type))")
        }
        return frames
    }

    @Test("a torn last record is cut off at restart; everything before it replays")
    func tornTail() async throws {
        let metric = "durability_torn"
        let ledger = AckLedger()
        var next = Durability.nowMilliseconds() - 40 * 60_000
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            let a = try await Self.writeBatch(agent, metric: metric, count: 5, next: &next)
            try await instance.kill(agent)
            agent = try await instance.start()
            let b = try await Self.writeBatch(agent, metric: metric, count: 10, next: &next)
            try await instance.kill(agent)

            let segments = try WALFiles.segments(instance.storagePath)
            #expect(segments.count == 2, "\(segments)")
            let last = try #require(segments.last)
            let frames = try Self.samplesFrames(last, count: b.requests.count)
            let torn = try #require(frames.last)
            // A write cut short by the crash: half of the last frame reached the file.
            let cut = torn.offset + torn.size / 2
            try WALFiles.truncate(last, to: cut)

            agent = try await instance.start()
            let log = agent.process.output
            #expect(log.contains("WAL damage repaired"), "\(log.suffix(2000))")
            #expect(log.contains("torn record"), "\(log.suffix(2000))")
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == Double(cut - torn.offset))
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_unrestorable_samples") == 0)
            #expect(try WALFiles.size(last) == torn.offset, "the damaged tail was not truncated on disk")
            a.record(ledger)
            b.record(ledger, 0..<(b.requests.count - 1))
            // The torn request is in the ledger as never sent: none of it may appear.
            let (found, _) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "after repairing a torn tail")

            // The repair is for good: more writes, kill -9, a clean replay of all segments.
            let c = try await Self.writeBatch(agent, metric: metric, count: 5, next: &next)
            c.record(ledger)
            try await instance.kill(agent)
            agent = try await instance.start()
            #expect(!agent.process.output.contains("WAL damage repaired"))
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == 0)
            let (again, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(again, "after a further restart")
            #expect(stored == 50 * 4 * (5 + 9 + 5))
        }
    }

    @Test("garbage after the last record is dropped; every record replays")
    func garbageTail() async throws {
        let metric = "durability_garbage"
        let ledger = AckLedger()
        var next = Durability.nowMilliseconds() - 40 * 60_000
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            let a = try await Self.writeBatch(agent, metric: metric, count: 5, next: &next)
            try await instance.kill(agent)
            agent = try await instance.start()
            let b = try await Self.writeBatch(agent, metric: metric, count: 10, next: &next)
            try await instance.kill(agent)

            let last = try #require(try WALFiles.segments(instance.storagePath).last)
            _ = try Self.samplesFrames(last, count: b.requests.count)
            let garbage = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            try WALFiles.append(last, garbage)

            agent = try await instance.start()
            #expect(agent.process.output.contains("WAL damage repaired"), "\(agent.process.output.suffix(2000))")
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == Double(garbage.count))
            a.record(ledger)
            b.record(ledger)
            let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "after dropping appended garbage")
            #expect(stored == 50 * 4 * 15)
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_samples") == Double(stored))
        }
    }

    @Test("a corrupt record mid-segment drops the rest of that segment only; later segments replay")
    func corruptMiddle() async throws {
        let metric = "durability_corrupt"
        let ledger = AckLedger()
        var next = Durability.nowMilliseconds() - 40 * 60_000
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            let a = try await Self.writeBatch(agent, metric: metric, count: 5, next: &next)
            try await instance.kill(agent)
            agent = try await instance.start()
            let b = try await Self.writeBatch(agent, metric: metric, count: 10, next: &next)
            try await instance.kill(agent)
            agent = try await instance.start()
            let c = try await Self.writeBatch(agent, metric: metric, count: 5, next: &next)
            try await instance.kill(agent)

            let segments = try WALFiles.segments(instance.storagePath)
            #expect(segments.count == 3, "\(segments)")
            let middle = segments[1]
            let frames = try Self.samplesFrames(middle, count: b.requests.count)
            let damaged = b.requests.count / 2
            let frame = frames[damaged]
            try WALFiles.flipByte(middle, at: frame.offset + 9 + (frame.size - 9) / 2)
            let size = try WALFiles.size(middle)

            agent = try await instance.start()
            let log = agent.process.output
            #expect(log.contains("WAL damage repaired"), "\(log.suffix(2000))")
            #expect(log.contains("checksum mismatch"), "\(log.suffix(2000))")
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == Double(size - frame.offset))
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_unrestorable_samples") == 0)
            a.record(ledger)
            b.record(ledger, 0..<damaged)
            c.record(ledger)
            let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "after a flipped byte in \(middle)")
            #expect(stored == 50 * 4 * (5 + damaged + 5))
        }
    }

    @Test("a corrupt series record: its later samples are unrestorable, other series replay")
    func corruptSeriesRecord() async throws {
        let metric = "durability_lost_series"
        let ledger = AckLedger()
        var next = Durability.nowMilliseconds() - 40 * 60_000
        try await withDurableInstance { instance in
            var agent = try await instance.start()
            _ = try await Self.writeBatch(agent, metric: metric, count: 5, series: Array(0..<50), next: &next)
            try await instance.kill(agent)
            agent = try await instance.start()
            // Series 50..<100 are new here (their series record is in this segment).
            let b = try await Self.writeBatch(agent, metric: metric, count: 5, series: Array(0..<100), next: &next)
            try await instance.kill(agent)

            let segments = try WALFiles.segments(instance.storagePath)
            #expect(segments.count == 2, "\(segments)")
            let first = try WALFiles.frames(segments[0]).frames
            // Type 5: a snappy-compressed series record (`WALRecordType.seriesCompressed`).
            guard first.first?.type == 5 else { throw TestFailure("\(segments[0]) does not start with a series record: \(first.map(\.type))") }
            try WALFiles.flipByte(segments[0], at: first[0].offset + 9 + (first[0].size - 9) / 2)
            let size = try WALFiles.size(segments[0])

            agent = try await instance.start()
            #expect(agent.process.output.contains("WAL damage repaired"))
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == Double(size))
            // B's samples of series 0..<50 have no series record any more.
            #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_unrestorable_samples") == Double(50 * 4 * 5))
            Batch(requests: b.requests, series: Array(50..<100)).record(ledger)
            let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "after losing the series record of s000...s049")
            #expect(stored == 50 * 4 * 5)

            // The lost series start over; that survives the next crash.
            let c = try await Self.writeBatch(agent, metric: metric, count: 3, series: Array(0..<100), next: &next)
            c.record(ledger)
            try await instance.kill(agent)
            agent = try await instance.start()
            let (again, storedAgain) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(again, "after recreating the lost series and kill -9")
            #expect(storedAgain == 50 * 4 * 5 + 100 * 4 * 3)
        }
    }

    // MARK: 4. Lock

    @Test("a second process on the same storage directory exits 2; the first keeps serving")
    func secondProcessRefused() async throws {
        let metric = "durability_lock"
        let ledger = AckLedger()
        try await withDurableInstance { instance in
            let first = try await instance.start()
            let times = (0..<5).map { Durability.nowMilliseconds() - 120_000 + Int64($0) * 10_000 }
            try await Durability.write(first.baseURL, Durability.request(metric: metric, series: [0, 1], timestamps: times))
            ledger.record(series: [0, 1], timestamps: times, acknowledged: true)
            let lockOwner = try String(contentsOfFile: instance.storagePath + "/lock", encoding: .utf8)
            #expect(lockOwner.trimmingCharacters(in: .whitespacesAndNewlines) == "\(first.process.pid)")

            let second = try ManagedProcess(
                name: "agent360-second", executable: Paths.agent360,
                arguments: ["serve", "--config", try Self.quietConfigFile(), "--listen", "127.0.0.1:\(try freePort())",
                            "--secure-listen", "127.0.0.1:\(try freePort())", "--storage.path", instance.storagePath])
            let status = await second.waitForExit(timeout: .seconds(20))
            await second.stop()
            #expect(status == 2, "second process: \(second.output.suffix(2000))")
            let message = second.output
            #expect(message.contains("storage directory \(instance.storagePath) is in use"), "\(message)")
            #expect(message.contains("pid \(first.process.pid)"), "\(message)")
            // The refused process touched nothing: the lock still names the first.
            #expect(try String(contentsOfFile: instance.storagePath + "/lock", encoding: .utf8) == lockOwner)

            #expect(first.process.isRunning)
            #expect(try await HTTP.get("\(first.baseURL)/readyz").status == 200)
            let later = times.map { $0 + 50_000 }
            try await Durability.write(first.baseURL, Durability.request(metric: metric, series: [0, 1], timestamps: later))
            ledger.record(series: [0, 1], timestamps: later, acknowledged: true)
            let (found, stored) = try await Self.problems(first.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(found, "first process after the refused second one")
            #expect(stored == 20)
            // The first one's WAL still works: its writes survive kill -9.
            try await instance.kill(first)
            let restarted = try await instance.start()
            let (afterRestart, _) = try await Self.problems(restarted.baseURL, metric: metric, ledger: ledger)
            Self.expectNoProblems(afterRestart, "after kill -9 of the first process")
        }
    }

    // MARK: 5. Disk full

    @Test("a full disk answers 503 without losing anything; writes recover once space is back")
    func diskFull() async throws {
        let metric = "durability_full"
        let ledger = AckLedger()
        try await withTmpfs(size: "8m") { mount in
            let filler = mount.appendingPathComponent("filler").path
            try await withDurableInstance(storagePath: mount.appendingPathComponent("data").path) { instance in
                var agent = try await instance.start()
                let series = Array(0..<200)
                var next = Durability.nowMilliseconds() - 30 * 60_000
                func times(_ count: Int) -> [Int64] {
                    defer { next += Int64(count) * 1000 }
                    return (0..<count).map { next + Int64($0) * 1000 }
                }
                for _ in 0..<5 {
                    let stamps = times(10)
                    try await Durability.write(agent.baseURL, Durability.request(metric: metric, series: series, timestamps: stamps))
                    ledger.record(series: series, timestamps: stamps, acknowledged: true)
                }
                #expect(try await Durability.metric(agent.baseURL, "agent360_wal_write_failures_total") == 0)

                let filled = try fillFileSystem(at: filler)
                #expect(filled > 0)
                // New series and samples; far more than a page, so the WAL needs new blocks.
                let fresh = Array(1000..<1200)
                var refused: [(series: [Int], times: [Int64])] = []
                for batch in [fresh, series] {
                    let stamps = times(10)
                    let result = try await Durability.post(agent.baseURL, Durability.request(metric: metric, series: batch, timestamps: stamps))
                    #expect(result.status == 503, "disk full: \(result.status) \(result.text)")
                    #expect(result.text.contains("No space left on device"), "\(result.text)")
                    refused.append((batch, stamps))
                    ledger.record(series: batch, timestamps: stamps, acknowledged: false)
                }
                let failures = try #require(try await Durability.metric(agent.baseURL, "agent360_wal_write_failures_total"))
                #expect(failures >= 2)
                // Queries keep answering what was stored before.
                let (whileFull, _) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
                Self.expectNoProblems(whileFull, "while the disk is full")
                #expect(try await HTTP.get("\(agent.baseURL)/readyz").status == 200)

                // Space is back: the next writes succeed without a restart, for
                // series first seen in the refused request too.
                try FileManager.default.removeItem(atPath: filler)
                for batch in [fresh, series, fresh + series] {
                    let stamps = times(5)
                    let result = try await Durability.post(agent.baseURL, Durability.request(metric: metric, series: batch, timestamps: stamps))
                    #expect(result.status == 204, "after freeing space: \(result.status) \(result.text)")
                    ledger.record(series: batch, timestamps: stamps, acknowledged: (200..<300).contains(result.status))
                }
                #expect(try await Durability.metric(agent.baseURL, "agent360_wal_write_failures_total") == failures)

                try await instance.kill(agent)
                // On disk: whole frames only (a failed write must leave no trace).
                // A short write before ENOSPC moves the file offset; truncating
                // back without seeking back leaves a hole of zeros that the next
                // start reads as damage, dropping every later acknowledged record.
                for segment in try WALFiles.segments(instance.storagePath) {
                    let damage = try WALFiles.describeDamage(segment)
                    #expect(damage == nil, "after the outage: \(damage ?? "")")
                }
                agent = try await instance.start()
                let repairs = agent.process.output.split(separator: "\n").filter { $0.contains("WAL damage repaired") }
                #expect(repairs.isEmpty, "\(repairs)")
                #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_unrestorable_samples") == 0)
                #expect(try await Durability.metric(agent.baseURL, "agent360_wal_replay_dropped_bytes") == 0)
                let (found, stored) = try await Self.problems(agent.baseURL, metric: metric, ledger: ledger)
                Self.expectNoProblems(found, "after the outage and kill -9")
                let acked = ledger.acked.values.reduce(0) { $0 + $1.count }
                #expect(stored >= acked)
                print("disk full: filler \(filled) bytes, \(Int(failures)) WAL write failures, \(acked) acknowledged samples, "
                      + "\(stored) stored after restart; refused requests: \(refused.count)")
            }
        }
    }

    // MARK: 6. Unusable path

    @Test("serve exits 2 naming the path and the reason when storage.path cannot be used")
    func unusablePath() async throws {
        func serve(_ path: String) async throws -> (status: Int32?, output: String) {
            let process = try ManagedProcess(
                name: "agent360-badpath", executable: Paths.agent360,
                arguments: ["serve", "--config", try Self.quietConfigFile(), "--listen", "127.0.0.1:\(try freePort())",
                            "--secure-listen", "127.0.0.1:\(try freePort())", "--storage.path", path])
            let status = await process.waitForExit(timeout: .seconds(20))
            await process.stop()
            return (status, process.output)
        }

        let proc = try await serve("/proc/agent360-nope")
        #expect(proc.status == 2, "\(proc.output)")
        #expect(proc.output.contains("cannot use storage.path"), "\(proc.output)")
        #expect(proc.output.contains("/proc/agent360-nope: No such file or directory"), "\(proc.output)")

        let directory = try Paths.temporaryDirectory("durability-file")
        let file = directory.appendingPathComponent("regular-file").path
        try "not a directory\n".write(toFile: file, atomically: true, encoding: .utf8)
        let underFile = try await serve(file + "/data")
        #expect(underFile.status == 2, "\(underFile.output)")
        #expect(underFile.output.contains("\(file) exists and is not a directory"), "\(underFile.output)")

        try await withTmpfs(size: "1m", options: ",ro") { mount in
            let readOnly = try await serve(mount.path)
            #expect(readOnly.status == 2, "\(readOnly.output)")
            #expect(readOnly.output.contains("\(mount.path)/lock: Read-only file system"), "\(readOnly.output)")
        }
    }

    static func quietConfigFile() throws -> String {
        let url = try Paths.temporaryDirectory("durability-config").appendingPathComponent("agent360.yaml")
        try Durability.quietConfig.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
