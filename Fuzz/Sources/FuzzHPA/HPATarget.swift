import FuzzSupport
import Scaling

// The input is a HorizontalPodAutoscaler manifest (one or more YAML
// documents). Each autoscaler that parses is simulated against a short
// fixed load, as `agent360 simulate` and the shadow HPA would.

let series: [String: MetricSeries] = {
    let csv = """
        time,cpu,memory,http_requests_per_second,requests
        0,0.5,0.2,1500,1500
        60,0.9,0.3,9000,9000
        120,0.2,0.2,100,100
        """
    return (try? MetricSeriesCSV.read(csv)) ?? [:]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let autoscalers = try? HorizontalPodAutoscaler.parseAll(yaml: FuzzInput(start, count).text) else { return 0 }
    for autoscaler in autoscalers.prefix(4) {
        _ = try? HPASimulator(autoscaler: autoscaler).run(series: series)
    }
    return 0
}
