/// The configuration `agent360 serve` uses without `--config`.
///
/// It is also printed by `agent360 check-config --print-default`, so it
/// doubles as the annotated reference of every key.
public enum DefaultConfig {
    public static let yaml = """
    # agent360 default configuration. Every key is optional; unknown keys are errors.
    server:
      listen: 0.0.0.0:9360          # plain HTTP: /metrics, health, remote write, query API
      logLevel: info                 # trace, debug, info, notice, warning, error, critical
      shutdownGracePeriod: 10s       # in-flight requests may finish within this after SIGTERM

    collectors:
      enabled: true
      interval: 5s                   # utilization = usage rate over this interval
      rootPath: /                    # read /proc and /sys/fs/cgroup under this path (e.g. /host)
      diskMountPoints: [/]
      excludeNetworkDevices: []

    storage:
      retention: 1h                  # samples older than this are dropped
      maxActiveSeries: 2000000       # new series beyond this are refused (400); 0 = unlimited
      maxExemplars: 100000

    remoteWrite:
      enabled: true                  # POST /api/v1/write (Prometheus remote write 1.0)
      maxBodyBytes: 33554432         # 32 MiB compressed
      maxDecompressedBytes: 134217728

    query:
      lookbackDelta: 5m
      timeout: 2m
      maxSamples: 50000000

    # Prometheus rule-group format: paste existing rule files here, or list them under rules.files.
    rules:
      groups:
        - name: agent360-signals
          interval: 15s
          rules:
            # Requests per second per workload.
            - record: agent360_request_rate
              expr: sum by (namespace, workload) (rate(agent360_http_requests_total[1m]))
            # Share of requests answered 5xx (0 when there were none, not "no data").
            - record: agent360_error_rate
              expr: >-
                (sum by (namespace, workload) (rate(agent360_http_requests_total{code=~"5.."}[1m]))
                  or sum by (namespace, workload) (rate(agent360_http_requests_total[1m])) * 0)
                / sum by (namespace, workload) (rate(agent360_http_requests_total[1m]))
            # 95th percentile request latency from the request-duration histogram.
            - record: agent360_latency_p95_seconds
              expr: >-
                histogram_quantile(0.95,
                  sum by (namespace, workload, le) (rate(agent360_http_request_duration_seconds_bucket[1m])))
            # CPU and memory in use as a share of each pod's limit, averaged per workload.
            - record: agent360_cpu_utilization
              expr: avg by (namespace, workload) (agent360_process_cpu_usage_ratio)
            - record: agent360_memory_utilization
              expr: avg by (namespace, workload) (agent360_process_memory_usage_ratio)
    """
}
