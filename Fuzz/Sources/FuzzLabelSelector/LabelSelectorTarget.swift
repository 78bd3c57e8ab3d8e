import FuzzSupport
import KubeMetricsAPI
import TSDB

// The input is a Kubernetes label selector (the HPA's labelSelector and
// metricLabelSelector parameters). One that parses must print to a selector
// that parses back to itself; its Prometheus matchers (regexes included) are
// then run against a small store.

let store: MemoryStore = {
    let store = MemoryStore(options: StoreOptions(retention: 1_000_000_000_000))
    for (app, tier) in [("web", "front"), ("api", "back"), ("db", ""), ("a.b/c", "x y")] {
        var labels = [Label("__name__", "requests"), Label("app", app)]
        if !tier.isEmpty { labels.append(Label("tier", tier)) }
        _ = store.append(Labels(labels), [Sample(timestamp: 1000, value: 1)], now: 1000)
    }
    return store
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let selector = try? LabelSelector(parsing: FuzzInput(start, count).text) else { return 0 }
    let printed = selector.description
    guard let reparsed = try? LabelSelector(parsing: printed), reparsed == selector else {
        fuzzFailure("selector printed as \(printed) does not parse back to itself")
    }
    guard let matchers = try? selector.prometheusMatchers() else { return 0 }
    _ = try? store.select(matchers + [LabelMatcher.equal("__name__", "requests")], minTime: 0, maxTime: 2000)
    return 0
}
