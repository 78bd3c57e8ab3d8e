@testable import RemoteWrite
import TSDB
import Testing

@Suite struct ArenaAndPoolTests {
    @Test func concurrentRequestsShareOneReceiver() async throws {
        let receiver = RemoteWriteReceiver()
        let bodies = try (0...5).map { try Fixtures.body($0) }
        let accepted = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var total = 0
                    for round in 0..<25 {
                        let sink = RecordingSink()
                        let outcome = receiver.receive(bodies[(task + round) % bodies.count], into: sink)
                        if outcome.status == 204, sink.sampleCount == outcome.acceptedSamples { total += outcome.acceptedSamples }
                    }
                    return total
                }
            }
            return await group.reduce(0, +)
        }
        // 8 tasks × 25 rounds over 6 files; every file but 000004 holds 155 samples.
        // Task t round r uses file (t + r) % 6: 200 requests, of which 33 or 34 per file.
        var expected = 0
        for task in 0..<8 { for round in 0..<25 where (task + round) % 6 != 4 { expected += 155 } }
        #expect(accepted == expected)
    }

    @Test func arenaAlignsResetsAndEnforcesItsLimit() throws {
        let arena = UnpackArena(limit: 1 << 20, retain: 256 << 10)
        let state = arena.allocator.pointee
        let allocate = try #require(state.alloc)
        var pointers: [UnsafeMutableRawPointer] = []
        for size in [1, 3, 8, 13, 0, 100] {
            let pointer = try #require(allocate(state.allocator_data, size))
            #expect(Int(bitPattern: pointer) % 8 == 0)
            pointers.append(pointer)
        }
        // 8 + 8 + 8 + 16 + 0 + 104 bytes after rounding to 8.
        #expect(arena.used == 144)
        #expect(allocate(state.allocator_data, 2 << 20) == nil)
        #expect(arena.exhausted)
        arena.reset()
        #expect(arena.used == 0)
        #expect(!arena.exhausted)
        // Chunks grow past the first one and are merged into one on reset.
        for _ in 0..<300 { _ = try #require(allocate(state.allocator_data, 1000)) }
        #expect(arena.used == 300_000)
        arena.reset()
        let again = try #require(allocate(state.allocator_data, 64))
        #expect(Int(bitPattern: again) % 8 == 0)
        state.free?(state.allocator_data, again)  // a no-op by design
    }

    @Test func oversizedRequestMemoryIsNotRetained() throws {
        let workspace = DecodeWorkspace(limits: .default, retainBytes: 1 << 20)
        #expect(workspace.decompressionBuffer(count: 4 << 20) != nil)
        #expect(workspace.bufferCapacity == 4 << 20)
        workspace.recycle()
        #expect(workspace.bufferCapacity == 0)
        #expect(workspace.decompressionBuffer(count: 1000) != nil)
        workspace.recycle()
        #expect(workspace.bufferCapacity == 1000)
    }

    @Test(arguments: RemoteWriteReceiver.Decoding.allCases)
    func declaredFourGiBIsRefusedWithoutAllocating(_ decoding: RemoteWriteReceiver.Decoding) throws {
        let receiver = RemoteWriteReceiver(decoding: decoding)
        let outcome = receiver.receive([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x00], into: RecordingSink())
        #expect(outcome.status == 413)
        let workspace = try #require(receiver.pool.withIdle { $0.first })
        #expect(workspace.bufferCapacity == 0)
    }

    @Test func workspacesAreReusedNotRecreated() {
        let receiver = RemoteWriteReceiver()
        for _ in 0..<5 { _ = receiver.receive(Requests.good, into: RecordingSink()) }
        #expect(receiver.pool.idleCount == 1)
    }
}
