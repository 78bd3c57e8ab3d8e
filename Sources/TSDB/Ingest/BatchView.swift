/// Bounds-checked views into an `IngestBatch`'s flat arrays, valid for the
/// duration of one `ingest` call (hence `@unchecked Sendable`).
struct BatchView: @unchecked Sendable {
    let labels: UnsafeBufferPointer<RawLabel>
    let samples: UnsafeBufferPointer<Sample>
    let series: UnsafeBufferPointer<IngestSeries>

    @inline(__always)
    func isValid(_ i: Int) -> Bool {
        let entry = series[i]
        let labelStart = Int(entry.labelStart)
        let labelCount = Int(entry.labelCount)
        let sampleStart = Int(entry.sampleStart)
        let sampleCount = Int(entry.sampleCount)
        return labelStart >= 0 && labelCount >= 0 && labelStart + labelCount <= labels.count
            && sampleStart >= 0 && sampleCount >= 0 && sampleStart + sampleCount <= samples.count
            && labelCount <= Int(UInt16.max)
    }

    @inline(__always)
    func labels(of i: Int) -> UnsafeBufferPointer<RawLabel> {
        let entry = series[i]
        return UnsafeBufferPointer(rebasing: labels[Int(entry.labelStart) ..< Int(entry.labelStart) + Int(entry.labelCount)])
    }

    @inline(__always)
    func samples(of i: Int) -> UnsafeBufferPointer<Sample> {
        let entry = series[i]
        return UnsafeBufferPointer(rebasing: samples[Int(entry.sampleStart) ..< Int(entry.sampleStart) + Int(entry.sampleCount)])
    }
}
