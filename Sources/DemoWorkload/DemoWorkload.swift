import Prometheus
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A synthetic application fleet: the "Agent360 app pods" of the architecture,
/// simulated in one process so tests and demos have realistic raw metrics.
public final class DemoWorkload: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let state: Mutex<State>

    private struct PodState {
        var name: String
        var metrics: PodMetrics?
        var hiddenUntil: Double?
        var memory: Double
    }

    private struct State {
        var options: DemoWorkloadOptions
        var rng: SplitMix64
        var pods: [PodState]
        var burstUntil = -1.0
        var lastRestart = 0.0
        var lastGap = 0.0
        var restarts = 0
        var gaps = 0
    }

    public init(options: DemoWorkloadOptions) {
        var rng = SplitMix64(seed: options.seed)
        let pods = (0..<max(1, options.pods)).map { index in
            let name = "\(options.workload)-\(String(index, radix: 16).leftPadded(to: 4))"
            return PodState(name: name, metrics: nil, hiddenUntil: nil, memory: 0.4 + 0.2 * rng.unit())
        }
        state = Mutex(State(options: options, rng: rng, pods: pods))
        state.withLock { state in
            for index in state.pods.indices {
                state.pods[index].metrics = PodMetrics(registry: registry, namespace: options.namespace,
                                                       workload: options.workload, pod: state.pods[index].name)
            }
        }
    }

    public var options: DemoWorkloadOptions { state.withLock { $0.options } }

    /// Changes the traffic while running (the load generator's control knob).
    public func adjust(requestsPerSecond: Double?, errorRatio: Double?) {
        state.withLock { state in
            if let requestsPerSecond { state.options.requestsPerSecond = max(0, requestsPerSecond) }
            if let errorRatio { state.options.errorRatio = min(1, max(0, errorRatio)) }
        }
    }

    /// Advances the simulation by `interval` seconds ending at `now` (seconds since start).
    public func tick(now: Double, interval: Double) {
        state.withLock { state in
            let options = state.options
            applyLifecycleEvents(&state, now: now)
            if now >= state.burstUntil, state.rng.unit() < options.burstProbabilityPerSecond * interval {
                state.burstUntil = now + options.burstSeconds
            }
            let burst = now < state.burstUntil ? options.burstFactor : 1
            let wave = 1 + 0.5 * sin(2 * Double.pi * now / 300)
            let mean = options.requestsPerSecond * wave * burst * interval
            for index in state.pods.indices {
                guard let metrics = state.pods[index].metrics else { continue }
                let count = state.rng.poisson(mean: mean)
                for _ in 0..<count { serveRequest(metrics, options: options, rng: &state.rng) }
                let load = options.requestsPerSecond > 0 ? Double(count) / max(interval, 1e-3) / (options.requestsPerSecond * 2.5) : 0
                metrics.cpu.set(to: min(1, max(0, 0.1 + 0.8 * load + 0.04 * (state.rng.unit() - 0.5))))
                state.pods[index].memory = min(0.85, max(0.3, state.pods[index].memory + 0.01 * (state.rng.unit() - 0.5)))
                metrics.memory.set(to: state.pods[index].memory)
            }
        }
    }

    private func applyLifecycleEvents(_ state: inout State, now: Double) {
        let options = state.options
        for index in state.pods.indices {
            if let until = state.pods[index].hiddenUntil, now >= until {
                state.pods[index].hiddenUntil = nil
                state.pods[index].metrics = PodMetrics(registry: registry, namespace: options.namespace,
                                                       workload: options.workload, pod: state.pods[index].name)
            }
        }
        if options.restartEverySeconds > 0, now - state.lastRestart >= options.restartEverySeconds {
            state.lastRestart = now
            let index = state.restarts % state.pods.count
            state.restarts += 1
            if let metrics = state.pods[index].metrics {
                metrics.unregister(from: registry)
                state.pods[index].metrics = PodMetrics(registry: registry, namespace: options.namespace,
                                                       workload: options.workload, pod: state.pods[index].name)
            }
        }
        if options.gapEverySeconds > 0, state.pods.count > 1, now - state.lastGap >= options.gapEverySeconds {
            state.lastGap = now
            let index = (state.gaps + 1) % state.pods.count
            state.gaps += 1
            state.pods[index].metrics?.unregister(from: registry)
            state.pods[index].metrics = nil
            state.pods[index].hiddenUntil = now + options.gapSeconds
        }
    }

    private func serveRequest(_ metrics: PodMetrics, options: DemoWorkloadOptions, rng: inout SplitMix64) {
        let route = rng.unit() < 0.6 ? 0 : 1
        let method = rng.unit() < 0.7 ? 0 : 1
        let draw = rng.unit()
        let code: Int
        if draw < options.errorRatio {
            code = draw < options.errorRatio / 2 ? 3 : 4
        } else if draw < options.errorRatio + 0.05 {
            code = 2
        } else if draw < options.errorRatio + 0.12 {
            code = 1
        } else {
            code = 0
        }
        metrics.requests[route][method][code].increment()
        let median = route == 0 ? 0.03 : 0.08
        let u1 = max(rng.unit(), .leastNormalMagnitude)
        let gaussian = (-2 * log(u1)).squareRoot() * cos(2 * .pi * rng.unit())
        let latency = median * exp(0.8 * gaussian) * (code >= 3 ? 3 : 1)
        metrics.latency[route].record(latency)
    }

    /// The text exposition Prometheus scrapes.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
