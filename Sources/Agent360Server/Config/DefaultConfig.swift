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
      idleTimeout: 2m                # connections without traffic this long are closed
      readTimeout: 1m                # a request must arrive whole within this of its first byte
      # webConfigFile: web.yml       # TLS and basic auth (Prometheus web config format); see manifests/secure

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
      path: data/                    # WAL + checkpoints (--storage.path); "" = memory only, lost on restart
      fsync: periodic                # periodic: in the OS before 2xx, fsynced every fsyncInterval; always: fsync before 2xx
      fsyncInterval: 1s
      checkpointInterval: 15m        # snapshot the store, delete the WAL before it
      checkpointWALBytes: 67108864   # also checkpoint once this much WAL (and more than the last checkpoint) is written; 0 = time only

    remoteWrite:
      enabled: true                  # POST /api/v1/write (Prometheus remote write 1.0)
      maxBodyBytes: 33554432         # 32 MiB compressed
      maxDecompressedBytes: 134217728
      decoder: direct                # direct (in-place reader, least CPU) or protobuf-c (libprotobuf-c); both decode alike

    query:
      lookbackDelta: 5m
      timeout: 2m
      maxSamples: 50000000
      maxConcurrency: 20             # HTTP API queries at once (like --query.max-concurrency)
      maxQueued: 100                 # waiting for a slot; beyond that 503 at once

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

    # Which workloads need scaling: every interval the recorded signals above are compared
    # with the thresholds (strictly above = a reason), written as agent360_scaling_needed
    # {namespace,workload,reason} and served at GET /api/v1/scaling.
    scaling:
      enabled: true
      interval: 15s
      thresholds:
        cpuUtilization: 0.7          # agent360_cpu_utilization
        memoryUtilization: 0.8       # agent360_memory_utilization
        requestRate: 1000            # agent360_request_rate, requests/s
        errorRate: 0.05              # agent360_error_rate
        # latencyP95Seconds: 0.5     # agent360_latency_p95_seconds; unset = not a reason
      # Shadow HPA: replay an autoscaling/v2 manifest live (nothing is scaled) and export
      # agent360_hpa_desired_replicas / agent360_hpa_current_replicas{namespace,workload,hpa}.
      # hpa:
      #   file: hpa.yaml             # every HorizontalPodAutoscaler in it is replayed
      #   namespace: default         # for HPAs without metadata.namespace
      #   queries:                   # PromQL per metric; defaults (NS = namespace, T = scaleTargetRef.name):
      #     # cpu/memory Utilization: avg(agent360_cpu_utilization{namespace="NS",workload="T"})
      #     # External/Object X:      sum(X{namespace="NS",<selector matchLabels>})
      #     # Pods X:                 avg(X{namespace="NS",workload="T",<selector>})
      #     agent360_request_rate: sum(agent360_request_rate{workload="checkout"})

    # Sizing advice from the p95 of each workload's recorded utilization over the window:
    # agent360_recommendation{namespace,workload,action} and GET /api/v1/recommendations.
    recommendations:
      enabled: true
      window: 1h                     # only what storage.retention still holds is seen
      interval: 1m
      cpuIncreaseAbove: 0.8          # p95 CPU above → increase_cpu by cpuIncrement per pod
      cpuIncrement: 2                # cores
      memoryIncreaseAbove: 0.85      # p95 memory above → increase_memory by memoryIncrement
      memoryIncrement: 2Gi
      downsizeBelow: 0.5             # p95 CPU and memory both below → downsize…
      downsizeTarget: 0.7            # …to run at this p95
      cpuStep: 100m                  # suggested sizes are rounded up to these steps
      memoryStep: 64Mi
      idleCPUBelow: 0.05             # p95 CPU below this with no traffic → idle
      idleRequestRateAtMost: 0.01    # requests/s that count as no traffic

    # A month of this deployment priced: agent360_cost_monthly{category},
    # agent360_cost_total_monthly, agent360_cost_savings_monthly{recommendation}, GET /api/v1/costs.
    # Usage is measured (×720 h = 30 days): vCPUs = agent360_cpu_limit_cores, memory =
    # agent360_memory_limit_bytes, storage = sizes of collectors.diskMountPoints, network =
    # transmit rate (all interfaces but lo) × 30 days, on-demand hours = 720 (this machine),
    # compute utilization = avg_over_time(agent360_cpu_utilization_ratio[utilizationWindow]) from
    # the store, else the latest collector reading. cost.usage overrides any of them.
    cost:
      enabled: true
      interval: 1m
      prices:                        # placeholders shaped like cloud list prices: use your own
        currency: USD
        vcpuHour: 0.0445
        memoryGiBHour: 0.0049
        storageGiBMonth: 0.08
        networkGiB: 0.09             # egress
        reservedDiscount: 0.3        # saved by reserved/committed capacity
        services: {}                 # flat monthly charges, e.g. {database: 180, dns: 1}
      usage: {}                      # overrides: vcpus, memoryGiB, storageGiB, networkGiBPerMonth,
                                     # onDemandHoursLast30Days, computeUtilization
      utilizationWindow: 1h
      downsizeBelow: 0.5             # compute utilization below → downsize recommendation…
      targetUtilization: 0.7         # …saving compute × (1 − utilization / target)
      reserveAboveHours: 720         # more on-demand hours → reserved_capacity recommendation

    # Kubernetes metrics APIs on the HTTPS listener, for the kube-aggregator and the HPA.
    metricsAPI:
      enabled: true
      maxAge: 2m                     # a value whose newest sample is older is an error (503), never a number
      # adapterConfig: adapter.yaml  # a prometheus-adapter config.yaml (rules, externalRules, resourceRules), read as is
      adapterRelistInterval: 15s     # adapter-rule series are listed again on a request once the listing is this old
      adapterSeriesMaxAge: 10m       # series count for adapter discovery with samples this recent

    # external.metrics.k8s.io/v1beta1. The HPA's namespace and metric.selector become label
    # matchers on every selector of the query (never pasted into its text).
    # Queries run at request time on raw samples, so a change reaches the HPA at once.
    externalMetrics:
      - name: agent360_request_rate
        query: sum(rate(agent360_http_requests_total[1m]))
        window: 1m
      - name: agent360_error_rate
        query: (sum(rate(agent360_http_requests_total{code=~"5.."}[1m])) or vector(0)) / sum(rate(agent360_http_requests_total[1m]))
        window: 1m
      - name: agent360_latency_p95_seconds
        query: histogram_quantile(0.95, sum by (le) (rate(agent360_http_request_duration_seconds_bucket[1m])))
        window: 1m
      - name: agent360_cpu_utilization
        query: avg(agent360_process_cpu_usage_ratio)
      - name: agent360_memory_utilization
        query: avg(agent360_process_memory_usage_ratio)

    # custom.metrics.k8s.io (v1beta1, v1beta2): each result series describes one object.
    customMetrics: []
    #  - name: agent360_pod_request_rate
    #    query: sum by (namespace, pod) (rate(agent360_http_requests_total[1m]))
    #    resources: {pod: pod, namespace: namespace}

    # metrics.k8s.io/v1beta1, the API metrics-server serves (kubectl top, HPA Resource metrics),
    # from the kubelet's /metrics/resource (or cAdvisor) series remote-written here.
    # Register it with manifests/overlays/metrics-server (instead of metrics-server).
    resourceMetrics:
      enabled: true
      window: 1m                     # reported as `window`; keep it equal to the CPU rate range
      # maxAge: 2m                   # default: metricsAPI.maxAge; stale pods/nodes are left out of lists, 503 by name
      containerCPU: sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[1m]))
      containerMemory: sum by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD"})
      nodeCPU: sum by (node) (rate(node_cpu_usage_seconds_total[1m]))
      nodeMemory: sum by (node) (node_memory_working_set_bytes)
      podLabels: kube_pod_labels     # kube-state-metrics, for labelSelector ("" refuses selectors)
      nodeLabels: kube_node_labels
      labelPrefix: label_
      labels: {namespace: namespace, pod: pod, container: container, node: node}

    secureAPI:
      listen: 0.0.0.0:6443           # --secure-listen
      # tls: {certFile: ..., keyFile: ...}   # --tls-cert-file / --tls-private-key-file; else self-signed
      # clientCAFile: ...            # --client-ca-file
      # tokenAuthFile: ...           # --token-auth-file
      delegated: false               # true in a cluster: TokenReview / SubjectAccessReview
      requestHeader:                 # front-proxy (kube-aggregator) authentication
        # clientCAFile: ...          # --requestheader-client-ca-file
        allowedNames: []             # --requestheader-allowed-names (empty = any CN)
        usernameHeaders: [X-Remote-User]
        groupHeaders: [X-Remote-Group]
        extraHeadersPrefix: [X-Remote-Extra-]
      authorization:
        allowedUsers:
          - system:serviceaccount:kube-system:horizontal-pod-autoscaler
          - system:kube-controller-manager
        allowedGroups: [system:masters]
    """
}
