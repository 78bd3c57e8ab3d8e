import FuzzSupport
import RemoteWrite

// Differential target: the input is an uncompressed WriteRequest message.
// It is snappy-compressed and decoded by both decoders (the direct reader
// and protobuf-c, `remoteWrite.decoder`), which must agree on the outcome
// and on everything delivered. The input is also sent as the
// raw body, so the snappy block reader sees arbitrary bytes too.

let decoders = RemoteWriteReceiver.Decoding.allCases.map { RemoteWriteReceiver(decoding: $0) }
let mediaType = RemoteWriteProtocol.mediaType
let now: Int64 = 1_700_000_000_000

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let body = RemoteWriteEncoder.compress(input.array)
    let reference = Recorder()
    let expected = decoders[0].receive(body: body, contentType: mediaType, contentEncoding: "snappy", sink: reference, now: now)
    for decoder in decoders.dropFirst() {
        let recorder = Recorder()
        let outcome = decoder.receive(body: body, contentType: mediaType, contentEncoding: "snappy", sink: recorder, now: now)
        if outcome != expected || !recorder.same(as: reference) {
            fuzzFailure("\(decoder.decoding) gave \(outcome.status) \(outcome.message); direct gave \(expected.status) \(expected.message)")
        }
    }
    _ = decoders[0].receive(body: input.bytes, contentType: mediaType, contentEncoding: "snappy", sink: Recorder(), now: now)
    return 0
}
