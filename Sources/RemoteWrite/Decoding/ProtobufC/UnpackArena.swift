#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CProtobufC

/// A bump allocator protobuf-c unpacks into, reset (not freed) per request.
///
/// protobuf-c makes one allocation per message, string and repeated field:
/// ~50,000 mallocs for a 2000-series request, and as many frees to walk the
/// tree afterwards. Bumping a pointer through a reused block and dropping the
/// whole block at once makes both nearly free. The arena also enforces
/// `maxDecodedBytes`: when a request needs more, an allocation fails, unpack
/// returns NULL, and `exhausted` tells the caller to answer 413, not 400.
///
/// The state lives in manually allocated memory so the C callbacks reach it
/// through a raw pointer, without ARC or exclusivity checks per allocation.
final class UnpackArena {
    /// The allocator to pass to `*_unpack`; valid as long as the arena lives.
    let allocator: UnsafeMutablePointer<ProtobufCAllocator>
    private let state: UnsafeMutablePointer<ArenaState>

    /// - Parameters:
    ///   - limit: most bytes the arena may hold at once (maxDecodedBytes).
    ///   - retain: most bytes kept between requests, so one huge request does
    ///     not pin its memory forever.
    init(limit: Int, retain: Int = 16 << 20) {
        state = .allocate(capacity: 1)
        state.initialize(to: ArenaState(limit: limit, retain: retain))
        allocator = .allocate(capacity: 1)
        allocator.initialize(to: ProtobufCAllocator(
            alloc: arenaAllocate,
            free: arenaFree,
            allocator_data: UnsafeMutableRawPointer(state)
        ))
    }

    deinit {
        state.pointee.releaseAll()
        state.deinitialize(count: 1)
        state.deallocate()
        allocator.deinitialize(count: 1)
        allocator.deallocate()
    }

    /// Whether the last unpack failed because it hit the limit.
    var exhausted: Bool { state.pointee.exhausted }

    /// Bytes handed out since the last reset (for tests and sizing).
    var used: Int { state.pointee.used }

    /// Forgets every allocation; the next request reuses the memory.
    func reset() { state.pointee.reset() }
}

/// A chunk is `[next pointer][capacity][payload…]`; chunks form a list from `first`.
private let chunkHeader = 16
private let minimumChunk = 64 << 10

struct ArenaState {
    var first: UnsafeMutableRawPointer?
    var current: UnsafeMutableRawPointer?
    var cursor: UnsafeMutableRawPointer?
    var end: UnsafeMutableRawPointer?
    /// Bytes obtained from malloc across all chunks.
    var reserved = 0
    var used = 0
    var exhausted = false
    let limit: Int
    let retain: Int

    init(limit: Int, retain: Int) {
        self.limit = limit
        self.retain = retain
    }

    @inline(__always)
    mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        guard size >= 0, size <= limit else {
            exhausted = true
            return nil
        }
        // 8-byte alignment: the largest alignment protobuf-c's structs need.
        let rounded = (size &+ 7) & ~7
        if let cursor, let end, cursor.distance(to: end) >= rounded {
            self.cursor = cursor + rounded
            used &+= rounded
            return cursor
        }
        return allocateInNewChunk(rounded)
    }

    private mutating func allocateInNewChunk(_ rounded: Int) -> UnsafeMutableRawPointer? {
        let available = limit - reserved - chunkHeader
        let lastCapacity = current.map { $0.load(fromByteOffset: 8, as: Int.self) } ?? 0
        let preferred = max(minimumChunk, lastCapacity * 2)
        let capacity = min(max(rounded, preferred), available)
        guard capacity >= rounded, let chunk = malloc(chunkHeader + capacity) else {
            exhausted = true
            return nil
        }
        chunk.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
        chunk.storeBytes(of: capacity, toByteOffset: 8, as: Int.self)
        if let current {
            current.storeBytes(of: chunk, as: UnsafeMutableRawPointer?.self)
        } else {
            first = chunk
        }
        current = chunk
        reserved += chunkHeader + capacity
        let payload = chunk + chunkHeader
        cursor = payload + rounded
        end = payload + capacity
        used &+= rounded
        return payload
    }

    /// Keeps one chunk, grown to the last request's size (up to `retain`), so
    /// a steady stream of similar requests settles on a single block.
    mutating func reset() {
        let needed = used
        guard let first else {
            resetCounters()
            return
        }
        var next = first.load(as: UnsafeMutableRawPointer?.self)
        while let chunk = next {
            next = chunk.load(as: UnsafeMutableRawPointer?.self)
            free(chunk)
        }
        first.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
        var capacity = first.load(fromByteOffset: 8, as: Int.self)
        if needed > capacity || capacity > retain {
            free(first)
            self.first = nil
            capacity = 0
            let wanted = min(needed + needed / 4, retain)
            if wanted > 0, let chunk = malloc(chunkHeader + wanted) {
                chunk.storeBytes(of: nil, as: UnsafeMutableRawPointer?.self)
                chunk.storeBytes(of: wanted, toByteOffset: 8, as: Int.self)
                self.first = chunk
                capacity = wanted
            }
        }
        current = self.first
        reserved = self.first == nil ? 0 : chunkHeader + capacity
        cursor = self.first.map { $0 + chunkHeader }
        end = self.first.map { $0 + chunkHeader + capacity }
        resetCounters()
    }

    private mutating func resetCounters() {
        used = 0
        exhausted = false
    }

    mutating func releaseAll() {
        var next = first
        while let chunk = next {
            next = chunk.load(as: UnsafeMutableRawPointer?.self)
            free(chunk)
        }
        first = nil
        current = nil
        cursor = nil
        end = nil
        reserved = 0
    }
}

private func arenaAllocate(_ data: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let data else { return nil }
    return data.assumingMemoryBound(to: ArenaState.self).pointee.allocate(size)
}

/// Individual frees are no-ops: everything goes at `reset`.
private func arenaFree(_ data: UnsafeMutableRawPointer?, _ pointer: UnsafeMutableRawPointer?) {}
