import Foundation
import Synchronization
import Testing

@Suite("agent360 process lifecycle", .serialized)
struct LifecycleTests {
    @Test("a connection that sends nothing is closed after server.idleTimeout")
    func idleConnectionsAreClosed() async throws {
        let agent = try await Agent360Process.start(config: "server:\n  idleTimeout: 1s\ncollectors: {enabled: false}\n")
        defer { Task { await agent.stop() } }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(agent.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let started = ContinuousClock.now
        var byte: UInt8 = 0
        let received = recv(fd, &byte, 1, 0)
        let waited = ContinuousClock.now - started
        #expect(received == 0, "the server closes the idle connection (recv \(received), errno \(errno))")
        #expect(waited >= .milliseconds(900) && waited < .seconds(5), "closed after \(waited)")
    }

    @Test("SIGTERM under load exits 0 without logging errors")
    func sigtermUnderLoad() async throws {
        let agent = try await Agent360Process.start()
        let url = "\(agent.baseURL)/metrics"
        let progress = ProgressCounter()
        let load = Task {
            await withTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        var served = 0
                        while !Task.isCancelled {
                            if (try? await HTTP.get(url))?.status == 200 {
                                served += 1
                                progress.increment()
                            } else {
                                break
                            }
                        }
                        return served
                    }
                }
                return await group.reduce(0, +)
            }
        }
        // Signal only once the load is really flowing (the machine may be busy).
        let loadDeadline = ContinuousClock.now + .seconds(20)
        while progress.value < 20 && ContinuousClock.now < loadDeadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let start = ContinuousClock.now
        agent.process.signal(SIGTERM)
        let status = await agent.process.waitForExit(timeout: .seconds(10))
        let elapsed = ContinuousClock.now - start
        load.cancel()
        let served = await load.value
        await agent.process.stop()
        #expect(status == 0)
        #expect(elapsed < .seconds(5))
        #expect(served > 0)
        let errorLines = agent.process.output.split(separator: "\n").filter {
            $0.contains(" error ") || $0.contains(" critical ")
        }
        #expect(errorLines.isEmpty, "unexpected error logs: \(errorLines)")
    }

    @Test("serve refuses an invalid config with the line and key")
    func serveRefusesInvalidConfig() throws {
        let directory = try Paths.temporaryDirectory("bad-config")
        let file = directory.appendingPathComponent("bad.yaml")
        try "server:\n  listen: 127.0.0.1:0\ncollectors:\n  intervall: 5s\n".write(to: file, atomically: true, encoding: .utf8)
        let serve = try runCommand(Paths.agent360, ["serve", "--config", file.path])
        #expect(serve.status == 2)
        #expect(serve.output.contains("bad.yaml:4:3: collectors.intervall: unknown key"))
        let check = try runCommand(Paths.agent360, ["check-config", file.path])
        #expect(check.status == 1)
        #expect(check.output.contains("bad.yaml:4:3: collectors.intervall: unknown key"))
    }

    @Test("check-config accepts the embedded default")
    func defaultConfigIsValid() throws {
        let printed = try runCommand(Paths.agent360, ["check-config", "--print-default"])
        #expect(printed.status == 0)
        let directory = try Paths.temporaryDirectory("default-config")
        let file = directory.appendingPathComponent("default.yaml")
        try printed.output.write(to: file, atomically: true, encoding: .utf8)
        let check = try runCommand(Paths.agent360, ["check-config", file.path])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("health endpoints answer 200 once ready")
    func healthEndpoints() async throws {
        let agent = try await Agent360Process.start()
        for path in ["/healthz", "/livez", "/readyz"] {
            let result = try await HTTP.get("\(agent.baseURL)\(path)")
            #expect(result.status == 200, "\(path)")
        }
        #expect(await agent.stop() == 0)
    }
}

/// Counts successful requests across load tasks.
final class ProgressCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
