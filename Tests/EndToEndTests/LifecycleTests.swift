import Foundation
import Synchronization
import Testing

@Suite("agent360 process lifecycle", .serialized)
struct LifecycleTests {
    @Test("a connection that sends nothing is closed after server.idleTimeout")
    func idleConnectionsAreClosed() async throws {
        let agent = try await Agent360Process.start(config: "server:\n  idleTimeout: 1s\ncollectors: {enabled: false}\n")
        defer { Task { await agent.stop() } }
        let connection = try RawConnection(port: agent.port)
        let started = ContinuousClock.now
        let received = connection.receiveByte()
        let waited = ContinuousClock.now - started
        #expect(received == 0, "the server closes the idle connection (recv \(received), errno \(errno))")
        #expect(waited >= .milliseconds(900) && waited < .seconds(5), "closed after \(waited)")
    }

    @Test("a client trickling a request is cut off after server.readTimeout; an idle keep-alive one is not")
    func slowRequestsAreCutOff() async throws {
        let agent = try await Agent360Process.start(
            config: "server:\n  idleTimeout: 30s\n  readTimeout: 2s\ncollectors: {enabled: false}\n")
        defer { Task { await agent.stop() } }
        // A whole request, then 3 s of keep-alive silence, then another:
        // the read deadline only runs while a request is arriving.
        let keepAlive = try RawConnection(port: agent.port)
        let request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(keepAlive.send(request))
        #expect(keepAlive.receive().hasPrefix("HTTP/1.1 200"))
        try await Task.sleep(for: .seconds(3))
        #expect(keepAlive.send(request))
        #expect(keepAlive.receive().hasPrefix("HTTP/1.1 200"), "a keep-alive connection outlives the read timeout while idle")

        // One header byte every 300 ms never completes a request.
        let slow = try RawConnection(port: agent.port)
        let started = ContinuousClock.now
        var closed = false
        for byte in "GET /healthz HTTP/1.1\r\nX-Slow: " + String(repeating: "a", count: 100) {
            guard slow.send(String(byte)) else { closed = true; break }
            if slow.receiveByte(waitingMilliseconds: 300) == 0 { closed = true; break }
        }
        let waited = ContinuousClock.now - started
        #expect(closed, "the trickling client was disconnected")
        #expect(waited >= .milliseconds(1_800) && waited < .seconds(10), "after \(waited)")
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

/// A TCP connection driven byte by byte, for what HTTP clients will not do.
final class RawConnection {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw TestFailure("connect: errno \(errno)") }
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { close(fd) }

    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// recv of one byte: 1 data, 0 closed by the server, -1 timeout or error.
    func receiveByte(waitingMilliseconds: Int = 10_000) -> Int {
        var limit = timeval(tv_sec: waitingMilliseconds / 1000, tv_usec: Int((waitingMilliseconds % 1000) * 1000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0)
    }

    /// What arrives within a second (one response of a small request).
    func receive() -> String {
        var limit = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
    }
}
