// swift-tools-version:6.1
// libFuzzer targets for agent360's parsers and decoders. A package of its own
// so that only these builds carry -sanitize=fuzzer,address: run them with
// `make fuzz` (scripts/fuzz.sh), which passes the flags.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

/// One executable per fuzz target, each with `FuzzSupport` (what they share).
func fuzzer(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: "agent360") } + ["FuzzSupport"],
        swiftSettings: strict
    )
}

let package = Package(
    name: "agent360-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "agent360", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], swiftSettings: strict),
        fuzzer("FuzzRemoteWrite", ["RemoteWrite", "TSDB"]),
        fuzzer("FuzzPromQL", ["PromQL", "TSDB"]),
        fuzzer("FuzzLabelSelector", ["KubeMetricsAPI", "TSDB"]),
        fuzzer("FuzzKubeRequest", ["KubeMetricsAPI"]),
        fuzzer("FuzzExposition", ["Exposition"]),
        fuzzer("FuzzHPA", ["Scaling"]),
        fuzzer("FuzzSeriesCSV", ["Scaling"]),
        fuzzer("FuzzConfig", ["Agent360Server"]),
    ]
)
