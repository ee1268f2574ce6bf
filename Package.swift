// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "SportelloTUI",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sportello-tui", targets: ["sportello-tui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(
            name: "CruscottoModel",
            path: "Sources/CruscottoModel"
        ),
        .target(
            name: "LocalStore",
            dependencies: [
                "CruscottoModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "CounterTUI",
            dependencies: [
                "CNCursesW",
                "CruscottoModel",
                "LocalStore",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sportello-tui",
            dependencies: [
                "CounterTUI",
                "LocalStore",
                "CruscottoModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .testTarget(name: "CruscottoModelTests", dependencies: ["CruscottoModel"]),
        .testTarget(name: "LocalStoreTests", dependencies: ["LocalStore", "CruscottoModel"]),
        .testTarget(
            name: "CounterTUITests",
            dependencies: ["CounterTUI", "LocalStore", "CruscottoModel"],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
