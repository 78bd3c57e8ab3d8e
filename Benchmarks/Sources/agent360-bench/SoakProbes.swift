import AsyncHTTPClient
import Foundation
import NIOCore

/// The read side of a soak: dashboard-style range queries on the plain
/// listener and HPA-style requests to the Kubernetes metrics APIs on the
/// secure one, each about one workload picked request by request. An answer
/// counts as an error unless it is 2xx with a well-formed body.
struct SoakProbes: Sendable {
    let fleet: SoakFleet
    /// agent360's plain and secure base URLs.
    let queryURL: String
    let apiURL: String
    let token: String
    /// query_range covers the last `rangeSeconds` at `stepSeconds`.
    let rangeSeconds: Int
    let stepSeconds: Int

    /// Request `index`'s workload and namespace, spread over all workloads.
    private func target(_ index: Int) -> (namespace: String, workload: String) {
        let workload = (index &* 7919) % fleet.workloads
        return ("ns-\(fleet.namespace(ofWorkload: workload))", "app-\(workload)")
    }

    /// The PromQL of range query `index`: the four shapes a scaling
    /// dashboard draws, the last one reading the recording rules' output.
    func rangeQuery(_ index: Int) -> String {
        let (namespace, workload) = target(index)
        let selector = "namespace=\"\(namespace)\",workload=\"\(workload)\""
        switch index % 4 {
        case 0: return "sum by (pod) (rate(bench_requests_total{\(selector)}[1m]))"
        case 1: return "histogram_quantile(0.95, sum by (le) (rate(bench_request_duration_seconds_bucket{\(selector)}[1m])))"
        case 2: return "sum(rate(bench_requests_total{\(selector),code=~\"5..\"}[1m])) / sum(rate(bench_requests_total{\(selector)}[1m]))"
        default: return "soak:request_rate:by_workload{namespace=\"\(namespace)\"}"
        }
    }

    func rangeURL(_ index: Int, now: Date) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let query = rangeQuery(index).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let end = Int(now.timeIntervalSince1970)
        return "\(queryURL)/api/v1/query_range?query=\(query)&start=\(end - rangeSeconds)&end=\(end)&step=\(stepSeconds)"
    }

    /// External metrics: the raw-sample rate, and the recorded one.
    func externalURL(_ index: Int) -> String {
        let (namespace, workload) = target(index)
        let metric = index % 2 == 0 ? "soak_request_rate" : "soak_recorded_request_rate"
        return "\(apiURL)/apis/external.metrics.k8s.io/v1beta1/namespaces/\(namespace)/\(metric)?labelSelector=workload%3D\(workload)"
    }

    /// Custom metrics: every pod of one workload, as a Pods-type HPA asks.
    func customURL(_ index: Int) -> String {
        let (namespace, workload) = target(index)
        return "\(apiURL)/apis/custom.metrics.k8s.io/v1beta2/namespaces/\(namespace)/pods/*/soak_pod_request_rate?labelSelector=workload%3D\(workload)"
    }

    /// One GET, timed to the last body byte: (milliseconds, error, no data).
    /// `items` is where the answer's series are: `data.result` for the
    /// query API, `items` for the metrics APIs.
    func get(_ client: HTTPClient, _ url: String, bearer: Bool) async -> (ms: Double, error: String?, empty: Bool) {
        var request = HTTPClientRequest(url: url)
        if bearer { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let (ms, answer) = await timedExecute(client, request, upTo: 64 << 20)
        let status: UInt
        let body: ByteBuffer
        switch answer {
        case .success(let reply): (status, body) = reply
        case .failure(let error): return (ms, "\(error)", false)
        }
        guard (200..<300).contains(status) else { return (ms, "\(status) \(String(buffer: body).prefix(300))", false) }
        let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        let items = bearer ? object?["items"] : (object?["data"] as? [String: Any])?["result"]
        guard let list = items as? [Any] else { return (ms, "malformed answer: \(String(buffer: body).prefix(300))", false) }
        return (ms, nil, list.isEmpty)
    }
}

/// One request timed to the last byte of its body: the status and body, or
/// why there was no answer.
func timedExecute(_ client: HTTPClient, _ request: HTTPClientRequest, upTo limit: Int)
    async -> (ms: Double, answer: Result<(status: UInt, body: ByteBuffer), any Error>)
{
    let clock = ContinuousClock()
    let started = clock.now
    do {
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: limit)
        return ((clock.now - started).milliseconds, .success((response.status.code, body)))
    } catch {
        return ((clock.now - started).milliseconds, .failure(error))
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) * 1e-15
    }

    var seconds: Double { milliseconds / 1000 }
}
