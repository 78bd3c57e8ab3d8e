import Exposition
import FuzzSupport

// The input is a text-format scrape (what agent360 merges from the program's
// own metrics). What parses is written back in both formats; the text
// format must parse again.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let families = try? TextFormatParser.parse(FuzzInput(start, count).array) else { return 0 }
    _ = ExpositionWriter.write(families, format: .openMetrics)
    let text = ExpositionWriter.write(families, format: .prometheusText)
    do {
        _ = try TextFormatParser.parse(text)
    } catch {
        fuzzFailure("written text does not parse: \(error)\n\(String(decoding: text, as: UTF8.self))")
    }
    return 0
}
