import FuzzSupport
import KubeMetricsAPI

// The input is a metrics-API request line: the URL path on the first line,
// the raw query string on the rest (the apiserver's proxied GET). Routing,
// percent-decoding, form-decoding and selector parsing may only throw
// KubeAPIError.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let (path, query) = FuzzInput(start, count).lines
    _ = try? KubeAPIRequest.parse(method: "GET", path: path, query: query)
    _ = try? Quantity(parsing: path)
    return 0
}
