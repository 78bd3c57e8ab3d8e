import Agent360Server
import FuzzSupport

// The input is an agent360 configuration file (YAML); only clean
// ConfigErrors are allowed.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    _ = try? Agent360Config.parse(yaml: FuzzInput(start, count).text, file: "fuzz.yaml")
    return 0
}
