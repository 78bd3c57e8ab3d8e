import CPrompb
import TSDB

/// The decode pipeline: size checks, snappy, protobuf, validation, sink.
extension RemoteWriteReceiver {
    func decode<Sink: RemoteWriteSink>(
        _ body: UnsafeRawBufferPointer,
        workspace: DecodeWorkspace,
        sink: Sink,
        now: Int64
    ) throws(RemoteWriteError) -> RemoteWriteOutcome {
        guard !body.isEmpty else { throw .emptyBody }
        guard body.count <= limits.maxBodyBytes else { throw .bodyTooLarge(body.count, limit: limits.maxBodyBytes) }
        guard !SnappyBlock.isFramed(body) else { throw .framedSnappy }
        let length = try SnappyBlock.declaredLength(body)
        guard length <= limits.maxDecompressedBytes else {
            throw .decompressedTooLarge(UInt64(length), limit: limits.maxDecompressedBytes)
        }
        guard let buffer = workspace.decompressionBuffer(count: length) else {
            throw .decompressedTooLarge(UInt64(length), limit: limits.maxDecompressedBytes)
        }
        try SnappyBlock.decompress(body, declaredLength: length, into: buffer)
        let bytes = UnsafePointer(buffer.assumingMemoryBound(to: UInt8.self))

        switch decoding {
        case .protobufC:
            // No free_unpacked: the pool resets the arena when the request ends.
            guard let request = prometheus__write_request__unpack(workspace.arena.allocator, length, bytes) else {
                throw workspace.arena.exhausted ? .decodedTooLarge(limit: limits.maxDecodedBytes) : .invalidProtobuf
            }
            return try deliver(request, workspace: workspace, sink: sink, now: now)
        case .direct:
            return try deliverDirect(UnsafeRawBufferPointer(start: bytes, count: length), workspace: workspace, sink: sink, now: now)
        }
    }

    /// Runs while the unpacked message is alive: the batch points into it.
    private func deliver<Sink: RemoteWriteSink>(
        _ request: UnsafeMutablePointer<Prometheus__WriteRequest>,
        workspace: DecodeWorkspace,
        sink: Sink,
        now: Int64
    ) throws(RemoteWriteError) -> RemoteWriteOutcome {
        let seriesCount = request.pointee.n_timeseries
        guard seriesCount <= limits.maxSeriesPerRequest else {
            throw .tooManySeries(limit: limits.maxSeriesPerRequest)
        }
        return workspace.withBatch { batch in
            var reader = ProtobufCRequestReader()
            reader.read(request, into: &batch)
            return finish(batch: batch, result: reader.result, sink: sink, now: now)
        }
    }

    /// Runs while the decompressed bytes are alive: the batch points into them.
    private func deliverDirect<Sink: RemoteWriteSink>(
        _ bytes: UnsafeRawBufferPointer,
        workspace: DecodeWorkspace,
        sink: Sink,
        now: Int64
    ) throws(RemoteWriteError) -> RemoteWriteOutcome {
        try workspace.withBatch { batch throws(RemoteWriteError) in
            var reader = DirectRequestReader(maxSeries: limits.maxSeriesPerRequest, maxBatchBytes: limits.maxDecodedBytes)
            do throws(DirectDecodeError) {
                try reader.read(bytes, into: &batch)
            } catch {
                switch error {
                case .malformed: throw .invalidProtobuf
                case .tooManySeries: throw .tooManySeries(limit: limits.maxSeriesPerRequest)
                case .tooLarge: throw .decodedTooLarge(limit: limits.maxDecodedBytes)
                }
            }
            return finish(batch: batch, result: reader.result, sink: sink, now: now)
        }
    }

    /// Hands the batch, metadata and exemplars to the sink and builds the outcome.
    private func finish<Sink: RemoteWriteSink>(
        batch: IngestBatch, result: ReadResult, sink: Sink, now: Int64
    ) -> RemoteWriteOutcome {
        var refusals = result.refusals
        var outcome = RemoteWriteOutcome(status: 204, protocolVersion: .v1)
        if !batch.isEmpty {
            let ingested = sink.ingestDeferringSync(batch, now: now)
            if let error = ingested.storageError {
                // Not written to the WAL: nothing is acknowledged, the sender
                // retries (Prometheus retries 5xx with backoff).
                return RemoteWriteOutcome(status: 503, message: "samples not stored: \(error)", protocolVersion: .v1)
            }
            refusals.record(ingested, batch: batch)
            outcome.acceptedSamples = ingested.acceptedSamples
            outcome.createdSeries = ingested.createdSeries
            outcome.syncPosition = ingested.syncPosition
        }
        if !result.metadata.isEmpty { sink.setMetadata(result.metadata) }
        if !result.exemplars.isEmpty { sink.addExemplars(result.exemplars) }

        outcome.acceptedExemplars = result.exemplars.count
        outcome.droppedExemplars = result.droppedExemplars
        outcome.metadataCount = result.metadata.count
        outcome.rejectedSamples = refusals.rejected
        outcome.refusedSeries = refusals.refusedSeries
        if !refusals.isEmpty {
            outcome.status = 400
            outcome.message = refusals.message
        }
        return outcome
    }
}
