// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Pasar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pasar", targets: ["pasar"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.20.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.1.0"),
        .package(url: "https://github.com/swift-otel/swift-w3c-trace-context.git", from: "1.0.0"),
    ],
    targets: [
        // The system ICU (Debian libicu-dev), found through pkg-config; only CICUShim includes it.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // Pasar's C interface to ICU: forwarders over ICU's versioned C names and its C++-only
        // MessageFormat and LocaleMatcher, behind a header that names no ICU type.
        .target(name: "CICUShim", dependencies: ["CICU"]),
        .target(name: "PasarCore", swiftSettings: strictSwift),
        .target(name: "PasarLocalization", dependencies: ["CICUShim", "PasarCore"], swiftSettings: strictSwift),
        .target(
            name: "PasarMarkets",
            dependencies: ["PasarCore", "PasarLocalization", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "PasarStorage",
            dependencies: [
                "PasarCore", "PasarLocalization", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSwift
        ),
        // Email over SMTP (no SMTP library is in the Swift server ecosystem): SwiftNIO with NIOSSL.
        .target(
            name: "PasarMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "PasarAPI",
            dependencies: [
                "PasarCore", "PasarLocalization", "PasarMarkets", "PasarStorage", "PasarMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
                .product(name: "W3CTraceContext", package: "swift-w3c-trace-context"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "pasar",
            dependencies: [
                "PasarCore", "PasarLocalization", "PasarMarkets", "PasarStorage", "PasarAPI", "PasarMail",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "PasarBenchmarks",
            dependencies: ["PasarCore", "PasarLocalization"],
            path: "Benchmarks/PasarBenchmarks",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "RequestOverhead",
            dependencies: [
                "PasarAPI", "PasarStorage", "PasarMarkets", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RequestOverhead",
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "BareServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/BareServer",
            swiftSettings: strictSwift
        ),
        .target(name: "PasarTestSupport", dependencies: ["PasarStorage"], path: "Tests/PasarTestSupport", swiftSettings: strictSwift),
        .testTarget(name: "PasarCoreTests", dependencies: ["PasarCore"], swiftSettings: strictSwift),
        .testTarget(
            name: "PasarLocalizationTests",
            dependencies: ["PasarLocalization", "PasarCore", "PasarTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PasarMarketsTests",
            dependencies: ["PasarMarkets", "PasarLocalization", "PasarCore", "PasarTestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PasarAPITests",
            dependencies: [
                "PasarAPI", "PasarStorage", "PasarMarkets", "PasarLocalization", "PasarCore", "PasarTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Instrumentation", package: "swift-distributed-tracing"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PasarStorageTests",
            dependencies: [
                "PasarStorage", "PasarCore", "PasarLocalization", "PasarTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "MetricsTestKit", package: "swift-metrics"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PasarMailTests",
            dependencies: [
                "PasarMail", "PasarTestSupport", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PasarCLITests",
            dependencies: ["pasar", "PasarTestSupport", "PasarStorage"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
