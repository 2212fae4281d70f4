// swift-tools-version:6.0
import PackageDescription

// Release builds link the Swift runtime statically (`make build`): start-up
// dominates a pre-commit run on one small file.
let package = Package(
    name: "replint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "replint", targets: ["replint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CPgQuery", path: "Sources/CPgQuery"),
        .target(name: "CLibPQ"),
        .target(name: "SQLSource", dependencies: ["CPgQuery"]),
        .target(name: "Schema", dependencies: ["SQLSource"]),
        .target(name: "Lint", dependencies: ["SQLSource", "Schema", .product(name: "Yams", package: "Yams")]),
        .target(name: "Rules", dependencies: ["Lint", "SQLSource", "Schema"]),
        .target(name: "Reporters", dependencies: ["Lint", "SQLSource"]),
        .target(name: "Postgres", dependencies: ["CLibPQ", "SQLSource", "Lint",
                                                 .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "replint", dependencies: [
            "SQLSource", "Lint", "Rules", "Reporters", "Postgres", "Schema",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SQLSourceTests", dependencies: ["SQLSource"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "SQLSource", "Postgres"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Rules", "SQLSource"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Lint", "SQLSource", "Schema"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "Lint", "Rules", "SQLSource"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "SQLSource", "Lint", "Rules", "Schema"]),
        .testTarget(name: "CLITests", dependencies: ["replint"]),
    ],
    swiftLanguageModes: [.v5]
)
