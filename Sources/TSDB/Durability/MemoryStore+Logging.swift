/// Writes through the write-ahead log: a batch is applied and its record
/// written inside one commit, so the WAL holds samples in the order the
/// store accepted them and replay accepts them again.
extension MemoryStore {
    /// `deferringSync`: with `fsync: always`, return before the fsync with
    /// `syncPosition` set; the caller awaits `waitSynced(upTo:)` before
    /// acknowledging, and its thread serves other requests meanwhile.
    func ingestLogged(_ batch: IngestBatch, now: Int64, deferringSync: Bool = false) -> IngestResult {
        var tally = IngestTally()
        var failure: StorageError?
        var position = 0
        var ids = [UInt32](repeating: IngestTally.noSeries, count: batch.series.count)
        wal.commit.withLock { writer in
            guard wal.current == .logging, !writer.closed else {
                failure = wal.current == .replaying ? .replaying : .closed
                return
            }
            do throws(StorageError) {
                try writer.prepare()
            } catch {
                // Nothing applied yet: the batch is refused whole.
                failure = error
                return
            }
            ids.withUnsafeMutableBufferPointer { ids in
                tally.ids = ids.baseAddress.map(IDSink.init)
                apply(batch, now: now, tally: &tally)
                tally.ids = nil
                let bounds = TimeBounds(now: now, retention: options.retention, futureTolerance: options.futureTolerance)
                encode(batch, ids: UnsafeBufferPointer(ids), created: tally.createdSeries, newest: bounds.newest, into: &writer)
            }
            do throws(StorageError) {
                position = try writer.flush()
                writer.pendingSeries.removeAll()
                wal.counters.records.add(1, ordering: .relaxed)
            } catch {
                failure = error
                for index in tally.createdSeries { writer.pendingSeries.append(ids[Int(index)]) }
            }
        }
        var result = tally.result
        if failure == nil, wal.alwaysSync.load(ordering: .relaxed) {
            if deferringSync {
                result.syncPosition = position
            } else {
                do throws(StorageError) { try wal.sync.sync(upTo: position) } catch { failure = error }
            }
        }
        if let failure {
            wal.counters.failures.add(1, ordering: .relaxed)
            result.storageError = failure
        }
        return result
    }

    /// Series records (pending ones first, then the batch's new series) and
    /// one samples record for every sample of a series the store kept.
    /// Samples refused as out of order or too old are logged too: replay
    /// refuses them the same way, whatever its clock. Samples refused as too
    /// far in the future are not: by replay time the clock may have caught
    /// up, and the refused sample would come back and block the series.
    private func encode(
        _ batch: IngestBatch, ids: UnsafeBufferPointer<UInt32>, created: [Int32], newest: Int64, into writer: inout WALWriter
    ) {
        if !writer.pendingSeries.isEmpty || !created.isEmpty {
            writer.scratch.removeAll()
            let countOffset = writer.scratch.reserveVarint5()
            var count = 0
            for id in writer.pendingSeries where encodeStoredSeries(id: id, into: &writer.scratch) { count += 1 }
            for index in created {
                let i = Int(index)
                let entry = batch.series[i]
                let labels = batch.labels[Int(entry.labelStart) ..< Int(entry.labelStart + entry.labelCount)].filter { $0.value.count > 0 }
                WALRecords.appendSeries(id: ids[i], labelCount: labels.count, into: &writer.scratch) { (labels[$0].name, labels[$0].value) }
                count += 1
            }
            writer.scratch.patchVarint5(UInt32(count), at: countOffset)
            let start = WALFrame.begin(.seriesCompressed, in: &writer.buffer)
            writer.scratch.bytes.withUnsafeBytes { WALCompression.compress($0, into: &writer.buffer) }
            WALFrame.finish(at: start, in: &writer.buffer)
        }
        var samples = SamplesRecordWriter()
        for i in 0 ..< batch.series.count where ids[i] != IngestTally.noSeries {
            let entry = batch.series[i]
            let id = ids[i]
            for offset in Int(entry.sampleStart) ..< Int(entry.sampleStart + entry.sampleCount)
            where batch.samples[offset].timestamp <= newest {
                samples.append(id: id, batch.samples[offset], values: &writer.values, into: &writer.buffer)
            }
        }
        samples.finish(into: &writer.buffer)
    }

    /// A series record for a series already in the store (false if it is gone).
    func encodeStoredSeries(id: UInt32, into buffer: inout ByteWriter) -> Bool {
        let directory = symbolDirectory
        return shards[SeriesID.shard(id, mask: shardMask)].state.withLock { state in
            guard let slot = state.slot(forID: id) else { return false }
            let symbols = state.records[slot].labelSymbols
            WALRecords.appendSeries(id: id, labelCount: symbols.count / 2, into: &buffer) { index in
                (directory.bytes(symbols[index * 2]), directory.bytes(symbols[index * 2 + 1]))
            }
            return true
        }
    }

    /// Waits until the WAL up to `position` (an `IngestResult.syncPosition`)
    /// is on disk; the error, counted as a write failure, when fsync failed.
    public func waitSynced(upTo position: Int) async -> StorageError? {
        let failure = await wal.sync.waitSynced(upTo: position)
        if failure != nil { wal.counters.failures.add(1, ordering: .relaxed) }
        return failure
    }

    /// Metadata that changed is logged; failures only count (Prometheus
    /// resends metadata every minute, and checkpoints hold all of it).
    func logMetadata(_ changed: [MetricMetadata]) {
        guard !changed.isEmpty, wal.current == .logging else { return }
        wal.commit.withLock { writer in
            guard !writer.closed else { return }
            WALRecords.appendMetadata(changed, into: &writer.buffer)
            do throws(StorageError) {
                try writer.prepare()
                _ = try writer.flush()
                wal.counters.records.add(1, ordering: .relaxed)
            } catch {
                wal.counters.failures.add(1, ordering: .relaxed)
            }
        }
    }
}
