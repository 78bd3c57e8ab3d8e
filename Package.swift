// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "agent360",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "agent360", targets: ["agent360"]),
        .executable(name: "agent360-bench", targets: ["agent360-bench"]),
        // Libraries only for the fuzz targets in Fuzz/ (a package of its own
        // that builds these modules with -sanitize=fuzzer,address).
        .library(name: "TSDB", targets: ["TSDB"]),
        .library(name: "PromQL", targets: ["PromQL"]),
        .library(name: "RemoteWrite", targets: ["RemoteWrite"]),
        .library(name: "Exposition", targets: ["Exposition"]),
        .library(name: "KubeMetricsAPI", targets: ["KubeMetricsAPI"]),
        .library(name: "Scaling", targets: ["Scaling"]),
        .library(name: "Agent360Server", targets: ["Agent360Server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        .systemLibrary(name: "CSnappy", pkgConfig: "snappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CProtobufC", pkgConfig: "libprotobuf-c", providers: [.apt(["libprotobuf-c-dev"])]),
        .target(name: "CPrompb", dependencies: ["CProtobufC"]),
        .target(name: "CPrefetch"),
        // Debian's libre2-dev: linear-time regexes with Go's (Prometheus's) syntax.
        .target(name: "CRE2", linkerSettings: [.linkedLibrary("re2")]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Debian's libcrypt-dev (libxcrypt): bcrypt verification for basic_auth_users.
        .systemLibrary(name: "CCrypt", pkgConfig: "libcrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(name: "TSDB", dependencies: ["CPrefetch", "CZlib", "CSnappy", "CRE2"], swiftSettings: strict),
        .target(name: "PromQL", dependencies: ["TSDB"], swiftSettings: strict),
        .target(name: "RemoteWrite", dependencies: ["CSnappy", "CPrompb", "TSDB"], swiftSettings: strict),
        .target(name: "KubeMetricsAPI", dependencies: ["TSDB"], swiftSettings: strict),
        .target(
            name: "KubeAPIServer",
            dependencies: [
                "KubeMetricsAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ListenerSecurity",
            dependencies: [
                "CCrypt",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "Exposition", swiftSettings: strict),
        .target(name: "ResourceCollectors", swiftSettings: strict),
        .target(name: "Scaling", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: strict),
        .target(
            name: "Agent360Server",
            dependencies: [
                "TSDB", "RemoteWrite", "PromQL", "Exposition", "ResourceCollectors", "Scaling",
                "KubeMetricsAPI", "KubeAPIServer", "ListenerSecurity",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "DemoWorkload",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "agent360",
            dependencies: [
                "Agent360Server", "DemoWorkload", "KubeAPIServer", "Scaling", "ListenerSecurity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "agent360-bench",
            dependencies: [
                "RemoteWrite", "TSDB", "CPrompb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Benchmarks/Sources/agent360-bench",
            swiftSettings: strict
        ),
        .testTarget(name: "TSDBTests", dependencies: ["TSDB"], swiftSettings: strict),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "TSDB"], swiftSettings: strict),
        .testTarget(name: "RemoteWriteTests", dependencies: ["RemoteWrite", "TSDB", "CSnappy"], exclude: ["Fixtures"],
                    swiftSettings: strict),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition"], swiftSettings: strict),
        .testTarget(name: "ResourceCollectorsTests", dependencies: ["ResourceCollectors"], swiftSettings: strict),
        .testTarget(name: "KubeMetricsAPITests", dependencies: ["KubeMetricsAPI", "TSDB"], swiftSettings: strict),
        .testTarget(
            name: "KubeAPIServerTests",
            dependencies: [
                "KubeAPIServer", "KubeMetricsAPI", "TSDB",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ScalingTests", dependencies: ["Scaling"], swiftSettings: strict),
        .testTarget(
            name: "ListenerSecurityTests",
            dependencies: [
                "ListenerSecurity",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "Agent360ServerTests",
            dependencies: [
                "Agent360Server", "RemoteWrite", "TSDB", "Scaling", "ResourceCollectors", "KubeAPIServer", "ListenerSecurity",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "RemoteWrite", "TSDB", "KubeMetricsAPI", "PromQL",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
    ]
)
