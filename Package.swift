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
        .executableTarget(
            name: "pasar",
            dependencies: [
                "PasarCore", "PasarLocalization", "PasarMarkets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "PasarBenchmarks",
            dependencies: ["PasarCore", "PasarLocalization"],
            path: "Benchmarks/PasarBenchmarks",
            swiftSettings: strictSwift
        ),
        .target(name: "PasarTestSupport", path: "Tests/PasarTestSupport", swiftSettings: strictSwift),
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
            name: "PasarCLITests",
            dependencies: ["pasar", "PasarTestSupport"],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
