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
    """
}
