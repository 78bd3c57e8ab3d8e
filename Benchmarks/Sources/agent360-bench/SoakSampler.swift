import AsyncHTTPClient
import Foundation
import NIOCore

/// Every `every`, appends one CSV row: seconds into the soak, agent360's
/// RSS (VmRSS), CPU (cores busy since the row before: is its core
/// saturated?) and active series, and per request kind the requests,
/// errors, p50 and p99 of the window since the row before.
struct SoakSampler: Sendable {
    let pid: Int32
    let metricsURL: String
    let path: String
    let every: Duration

    static var header: String {
        let perKind = SoakKind.allCases.map { "\($0.rawValue)_requests,\($0.rawValue)_errors,\($0.rawValue)_p50_ms,\($0.rawValue)_p99_ms" }
        return (["elapsed_s", "rss_mb", "cpu_cores", "active_series", "samples_per_s"] + perKind).joined(separator: ",")
    }

    func run(stats: SoakStats, start: ContinuousClock.Instant, end: ContinuousClock.Instant) async {
        guard FileManager.default.createFile(atPath: path, contents: Data((Self.header + "\n").utf8)),
              let file = FileHandle(forWritingAtPath: path) else {
            printError("soak: cannot write \(path)")
            return
        }
        defer { try? file.close() }
        _ = try? file.seekToEnd()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var tick = 0
        var last = start
        var lastCPU = cpuSeconds()
        while true {
            let due = start + every * tick
            guard due <= end else { break }
            try? await Task.sleep(until: due, clock: .continuous)
            let now = ContinuousClock.now
            let window = stats.takeWindow()
            let seconds = max((now - last).seconds, 0.001)
            last = now
            let cpu = cpuSeconds()
            let busy = cpu.flatMap { now in lastCPU.map { String(format: "%.2f", (now - $0) / seconds) } } ?? ""
            lastCPU = cpu
            var fields = [String(format: "%.1f", (now - start).seconds), rssMegabytes().map { String(format: "%.1f", $0) } ?? "",
                          busy, await activeSeries(client).map(String.init) ?? "",
                          String(format: "%.0f", Double(window[.write]?.samples ?? 0) / seconds)]
            for kind in SoakKind.allCases {
                let tally = window[kind] ?? SoakTally()
                fields += ["\(tally.requests)", "\(tally.errors)", String(format: "%.2f", tally.percentile(0.5)),
                           String(format: "%.2f", tally.percentile(0.99))]
            }
            file.write(Data((fields.joined(separator: ",") + "\n").utf8))
            tick += 1
        }
        try? await client.shutdown()
    }

    /// VmRSS of the process, in MB (10^6 bytes), nil once it is gone.
    func rssMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Double($0) }.map { $0 * 1024 / 1e6 }
        }
        return nil
    }

    /// User plus system CPU seconds of the process (/proc/PID/stat fields
    /// 14 and 15, after the command name), nil once it is gone.
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// agent360's own count of series in the store.
    func activeSeries(_ client: HTTPClient) async -> Int? {
        guard let response = try? await client.execute(HTTPClientRequest(url: metricsURL), timeout: .seconds(10)),
              let body = try? await response.body.collect(upTo: 64 << 20) else { return nil }
        for line in String(buffer: body).split(separator: "\n") where line.hasPrefix("agent360_tsdb_active_series ") {
            return line.split(separator: " ").last.flatMap { Double($0) }.map { Int($0) }
        }
        return nil
    }
}
