import AsyncHTTPClient
import Foundation
import NIOCore
import RemoteWrite
import Synchronization
import TSDB

/// Helpers of the durability tests: a quiet configuration, known samples,
/// restarts on one storage directory, reading the store back and looking
/// into WAL segments.
enum Durability {
    /// Nothing but remote write puts samples in the store (no collectors,
    /// rules or scaling series), so WAL records are exactly the test's requests.
    static let quietConfig = """
    collectors: {enabled: false}
    rules: {groups: []}
    scaling: {enabled: false}
    recommendations: {enabled: false}
    cost: {enabled: false}
    """

    static func nowMilliseconds() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// The label value naming series `index`.
    static func seriesName(_ index: Int) -> String {
        let digits = String(index)
        return "s" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The value every test sends for series `index` at `timestamp`: unique
    /// per (series, time), exactly representable, not an integer (raw float
    /// bits in the WAL, not the varint shortcut).
    static func value(series index: Int, timestamp: Int64) -> Double {
        Double(index) * 1_000_000 + Double(timestamp % 1_000_000) / 8 + 0.125
    }

    /// One request: each of `series` with a sample at every one of `timestamps`.
    static func request(metric: String, series: [Int], timestamps: [Int64]) -> RemoteWriteRequest {
        RemoteWriteRequest(series: series.map { index in
            RemoteWriteRequest.Series(
                labels: [.init("__name__", metric), .init("series", seriesName(index))],
                samples: timestamps.map { Sample(timestamp: $0, value: value(series: index, timestamp: $0)) })
        })
    }

    /// POSTs a remote-write request; throws only when no answer came.
    static func post(_ baseURL: String, _ request: RemoteWriteRequest, timeout: Duration = .seconds(10)) async throws -> HTTPResult {
        try await HTTP.request("\(baseURL)/api/v1/write", method: .POST,
                               headers: RemoteWriteEncoder.headers.map { ($0.name, $0.value) },
                               body: RemoteWriteEncoder.encode(request), timeout: timeout)
    }

    /// The same with a client of the caller's: writers to a server about to
    /// be killed use their own, so the shared client's connection pool never
    /// backs off reconnecting to the dead port (which would stall the
    /// readiness polls of the restart on the same port).
    static func post(_ baseURL: String, _ request: RemoteWriteRequest, client: HTTPClient,
                     timeout: Duration = .seconds(10)) async throws -> HTTPResult {
        var outgoing = HTTPClientRequest(url: "\(baseURL)/api/v1/write")
        outgoing.method = .POST
        for header in RemoteWriteEncoder.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(ByteBuffer(bytes: RemoteWriteEncoder.encode(request)))
        let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(timeout.components.seconds * 1000)))
        var body = try await response.body.collect(upTo: 1 << 20)
        return HTTPResult(status: Int(response.status.code), headers: response.headers,
                          body: body.readBytes(length: body.readableBytes) ?? [])
    }

    /// POSTs and throws unless the answer is 2xx.
    static func write(_ baseURL: String, _ request: RemoteWriteRequest) async throws {
        let result = try await post(baseURL, request)
        guard (200..<300).contains(result.status) else { throw TestFailure("remote write: \(result.status) \(result.text)") }
    }

    /// Raw samples per series of a range-vector query at `time` (ms), keyed by
    /// the `series` label: [(timestamp ms, value)] in the order answered.
    static func stored(_ baseURL: String, _ query: String, at time: Int64) async throws -> [String: [(Int64, Double)]] {
        let url = "\(baseURL)/api/v1/query?query=\(query.queryEncoded)&time=\(Double(time) / 1000)"
        let data = try PrometheusAPI.data(from: try await HTTP.get(url))
        guard data["resultType"] as? String == "matrix", let result = data["result"] as? [[String: Any]] else {
            throw TestFailure("\(query): not a matrix: \(String(describing: data).prefix(300))")
        }
        var answer: [String: [(Int64, Double)]] = [:]
        for item in result {
            guard let metric = item["metric"] as? [String: String], let name = metric["series"],
                  let values = item["values"] as? [[Any]] else { throw TestFailure("malformed matrix item \(item)") }
            guard answer[name] == nil else { throw TestFailure("\(query): series \(name) answered twice") }
            answer[name] = try values.map { pair in
                guard pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue, let text = pair[1] as? String,
                      let value = Double(text) ?? PrometheusAPI.special(text)
                else { throw TestFailure("malformed sample \(pair)") }
                return (Int64((time * 1000).rounded()), value)
            }
        }
        return answer
    }

    /// An instant vector keyed by the `series` label.
    static func vector(_ baseURL: String, _ query: String, at time: Int64) async throws -> [String: Double] {
        let url = "\(baseURL)/api/v1/query?query=\(query.queryEncoded)&time=\(Double(time) / 1000)"
        let vector = try PrometheusAPI.vector(try PrometheusAPI.data(from: try await HTTP.get(url)))
        var answer: [String: Double] = [:]
        for (labels, value) in vector { answer[labels["series"] ?? ""] = value }
        return answer
    }

    /// The value of an unlabelled sample on `/metrics`, nil when absent.
    static func metric(_ baseURL: String, _ name: String) async throws -> Double? {
        let text = try await HTTP.get("\(baseURL)/metrics").text
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}

/// Which samples the server acknowledged (2xx) and which it may or may not
/// hold (the request failed or got no answer), per series label value.
final class AckLedger: Sendable {
    private struct State {
        var acked: [String: Set<Int64>] = [:]
        var maybe: [String: Set<Int64>] = [:]
        var ackedRequests = 0
        var failedRequests = 0
        var notes: [String] = []
    }

    private let state = Mutex(State())

    func record(series: [Int], timestamps: [Int64], acknowledged: Bool) {
        state.withLock { state in
            for index in series {
                let name = Durability.seriesName(index)
                if acknowledged {
                    state.acked[name, default: []].formUnion(timestamps)
                } else {
                    state.maybe[name, default: []].formUnion(timestamps)
                }
            }
            if acknowledged { state.ackedRequests += 1 } else { state.failedRequests += 1 }
        }
    }

    /// Something unexpected a writer saw (kept for the test's assertions).
    func note(_ text: String) { state.withLock { $0.notes.append(text) } }

    var notes: [String] { state.withLock { $0.notes } }
    var acked: [String: Set<Int64>] { state.withLock { $0.acked } }
    var maybe: [String: Set<Int64>] { state.withLock { $0.maybe } }
    var ackedRequests: Int { state.withLock { $0.ackedRequests } }
    var failedRequests: Int { state.withLock { $0.failedRequests } }

    /// Problems with what the store answered: an acknowledged sample missing
    /// or with another value, a sample never sent, a timestamp twice or out
    /// of order. Empty when the store holds exactly what it should.
    func problems(stored: [String: [(Int64, Double)]], seriesIndex: (String) -> Int?) -> [String] {
        let (acked, maybe) = state.withLock { ($0.acked, $0.maybe) }
        var problems: [String] = []
        let now = Durability.nowMilliseconds()
        if let future = acked.values.compactMap({ $0.max() }).max(), future > now - 1000 {
            problems.append("test bug: a sample at \(future) is not safely before the query time \(now)")
        }
        for (name, times) in acked.sorted(by: { $0.key < $1.key }) {
            let held = Dictionary((stored[name] ?? []).map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            let missing = times.filter { held[$0] == nil }.sorted()
            if !missing.isEmpty {
                problems.append("\(name): \(missing.count) of \(times.count) acknowledged samples missing, first at \(missing[0])")
            }
        }
        for (name, samples) in stored.sorted(by: { $0.key < $1.key }) {
            guard let index = seriesIndex(name) else {
                problems.append("unexpected series \(name)")
                continue
            }
            let sent = (acked[name] ?? []).union(maybe[name] ?? [])
            var previous = Int64.min
            for (time, value) in samples {
                if time <= previous { problems.append("\(name): timestamp \(time) after \(previous) (duplicate or out of order)") }
                previous = time
                if !sent.contains(time) { problems.append("\(name): sample at \(time) was never sent") }
                let expected = Durability.value(series: index, timestamp: time)
                if value.bitPattern != expected.bitPattern { problems.append("\(name) at \(time): value \(value), sent \(expected)") }
            }
        }
        return problems
    }
}

/// A boolean set by one task and polled by others.
final class OnceFlag: Sendable {
    private let state = Atomic<Bool>(false)
    func set() { state.store(true, ordering: .releasing) }
    var isSet: Bool { state.load(ordering: .acquiring) }
}

/// One agent360 "instance" across restarts: the same storage directory and
/// ports every time. Every process it started is stopped by `withDurableInstance`
/// however the test ends.
final class DurableInstance: Sendable {
    let storagePath: String
    let ports: (plain: Int, secure: Int)
    let config: String
    private let started = Mutex<[ManagedProcess]>([])

    init(storagePath: String, config: String = Durability.quietConfig) throws {
        self.storagePath = storagePath
        self.config = config
        ports = (try freePort(), try freePort())
    }

    var baseURL: String { "http://127.0.0.1:\(ports.plain)" }

    /// Starts the instance and waits until it is ready (replay done).
    func start(name: String = "agent360-durability") async throws -> Agent360Process {
        let agent = try await Agent360Process.start(config: config, name: name, storagePath: storagePath, ports: ports)
        started.withLock { $0.append(agent.process) }
        return agent
    }

    /// SIGKILL and wait until it is gone (the kernel releases the lock then).
    func kill(_ agent: Agent360Process) async throws {
        agent.process.signal(SIGKILL)
        guard await agent.process.waitForExit(timeout: .seconds(10)) != nil else {
            throw TestFailure("agent360 pid \(agent.process.pid) did not die of SIGKILL")
        }
    }

    func stopAll() async {
        for process in started.withLock({ $0 }) { await process.stop() }
    }

    /// The log of every process started so far, oldest first.
    var logs: [String] { started.withLock { $0.map(\.output) } }
}

/// Runs `body` with an instance on `storagePath` (a fresh directory when
/// nil, kept afterwards for a look) and stops all its processes afterwards.
func withDurableInstance<T>(storagePath: String? = nil, _ body: (DurableInstance) async throws -> T) async throws -> T {
    let instance = try DurableInstance(storagePath: storagePath ?? Paths.temporaryDirectory("durability-data").path)
    do {
        let result = try await body(instance)
        await instance.stopAll()
        return result
    } catch {
        await instance.stopAll()
        throw error
    }
}

/// The frames of WAL segments, read the way agent360 writes them:
/// u32 LE payload length | u32 LE crc32 | u8 type | payload.
enum WALFiles {
    struct Frame: Equatable {
        var offset: Int
        /// Header and payload.
        var size: Int
        var type: UInt8
        var end: Int { offset + size }
    }

    /// Segment files of `storagePath`, oldest first (full paths).
    static func segments(_ storagePath: String) throws -> [String] {
        let directory = storagePath + "/wal"
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.count >= 8 && $0.allSatisfy(\.isNumber) }
            .sorted()
            .map { directory + "/" + $0 }
    }

    /// Whole frames from the start of the file, and the bytes left after them.
    static func frames(_ path: String) throws -> (frames: [Frame], trailing: Int) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var frames: [Frame] = []
        var offset = 0
        while bytes.count - offset >= 9 {
            let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
            guard offset + 9 + length <= bytes.count else { break }
            frames.append(Frame(offset: offset, size: 9 + length, type: bytes[offset + 8]))
            offset += 9 + length
        }
        return (frames, bytes.count - offset)
    }

    /// Nil when `path` is whole frames only; else where they stop and what
    /// follows (a run of zero bytes is a hole left by a write at a wrong offset).
    static func describeDamage(_ path: String) throws -> String? {
        let (frames, trailing) = try frames(path)
        let end = frames.last?.end ?? 0
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var damaged: Int?
        for frame in frames where frame.type == 0 || frame.type > 17 {
            damaged = frame.offset
            break
        }
        guard trailing > 0 || damaged != nil else { return nil }
        let offset = damaged ?? end
        let zeros = bytes[offset...].prefix { $0 == 0 }.count
        let head = bytes[offset...].prefix(16).map { String($0, radix: 16) }.joined(separator: " ")
        return "\(path): \(bytes.count) bytes, whole frames end at \(offset); \(zeros) zero bytes follow; bytes there: \(head)"
    }

    static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }

    static func truncate(_ path: String, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(size))
    }

    static func append(_ path: String, _ bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
    }

    static func flipByte(_ path: String, at offset: Int) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// A small tmpfs mounted for one test (the tests run as root), unmounted
/// however `body` ends. Fails clearly when it cannot be mounted.
func withTmpfs<T>(size: String, options: String = "", _ body: (URL) async throws -> T) async throws -> T {
    let directory = try Paths.temporaryDirectory("tmpfs")
    let mount = try runCommand("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(size)" + options, "tmpfs", directory.path])
    guard mount.status == 0 else {
        throw TestFailure("mount -t tmpfs -o size=\(size)\(options) tmpfs \(directory.path) failed (status \(mount.status)); "
                          + "this test needs root (CAP_SYS_ADMIN): \(mount.output)")
    }
    func unmount() {
        if (try? runCommand("/usr/bin/env", ["umount", directory.path]))?.status != 0 {
            _ = try? runCommand("/usr/bin/env", ["umount", "-l", directory.path])
        }
        try? FileManager.default.removeItem(at: directory)
    }
    do {
        let result = try await body(directory)
        unmount()
        return result
    } catch {
        unmount()
        throw error
    }
}

/// Fills the file system holding `path` with a new file at `path` until
/// writes fail with ENOSPC (down to single bytes); returns its size.
func fillFileSystem(at path: String) throws -> Int {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw TestFailure("open \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var total = 0
    var chunk = 1 << 20
    let bytes = [UInt8](repeating: 0xA5, count: chunk)
    while chunk > 0 {
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, chunk) }
        if written > 0 {
            total += written
            continue
        }
        let reason = errno
        guard written < 0, reason == ENOSPC else {
            if written < 0, reason == EINTR { continue }
            throw TestFailure("filling \(path): \(String(cString: strerror(reason)))")
        }
        chunk /= 2
    }
    return total
}
