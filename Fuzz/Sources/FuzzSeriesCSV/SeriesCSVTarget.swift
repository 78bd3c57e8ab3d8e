import FuzzSupport
import Scaling

// The input is a metric-series CSV (`agent360 simulate --csv`). What parses
// is replayed through a fixed HPA that reads every column name used below.

let autoscaler: HorizontalPodAutoscaler? = try? HorizontalPodAutoscaler.parse(yaml: """
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: app}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
      minReplicas: 1
      maxReplicas: 20
      metrics:
        - type: Resource
          resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        - type: Pods
          pods:
            metric: {name: requests}
            target: {type: AverageValue, averageValue: "100"}
    """)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let series = try? MetricSeriesCSV.read(FuzzInput(start, count).text) else { return 0 }
    if let autoscaler {
        _ = try? HPASimulator(autoscaler: autoscaler).run(series: series)
    }
    return 0
}
