// swift-tools-version:6.0
import PackageDescription

// Release builds link the Swift runtime statically (`make build`): start-up
// dominates a pre-commit run on one small file.
let package = Package(
    name: "replint",
    platforms: [.macOS(.v15)],  // Synchronization (Mutex, Atomic); Linux is the platform replint runs on
    products: [
        .executable(name: "replint", targets: ["replint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(name: "CPgQuery", path: "Sources/CPgQuery"),
        .target(name: "CLibPQ"),
        .target(name: "SQLSource", dependencies: ["CPgQuery"]),
        .target(name: "Schema", dependencies: ["SQLSource"]),
        // libyaml (Debian libyaml-dev) read into a plain tree: no Foundation on the lint path.
        .systemLibrary(name: "CYAML", path: "Sources/CYAML"),
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        .target(name: "Lint", dependencies: ["SQLSource", "Schema", "YAMLTree"]),
        .target(name: "Rules", dependencies: ["Lint", "SQLSource", "Schema"]),
        .target(name: "Reporters", dependencies: ["Lint", "SQLSource"]),
        // The libpq client: connections, results, server errors, quoting,
        // password redaction, the signal trap, timing.
        .target(name: "PGClient", dependencies: ["CLibPQ"]),
        // Throwaway PostgreSQL servers: EphemeralCluster, ReplicationPair.
        .target(name: "PGServers", dependencies: ["PGClient", "CLibPQ",
                                                  .product(name: "Logging", package: "swift-log")]),
        // `replint run`: never PGServers, so the production path cannot start a server.
        .target(name: "Runner", dependencies: ["PGClient", "SQLSource", "Lint"]),
        // Both rehearsals and their orchestration.
        .target(name: "Rehearsals", dependencies: ["PGClient", "PGServers", "SQLSource", "Lint"]),
        .executableTarget(name: "replint", dependencies: [
            "SQLSource", "Lint", "Rules", "Reporters", "Schema", "PGClient", "PGServers", "Runner", "Rehearsals",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SQLSourceTests", dependencies: ["SQLSource"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "SQLSource", "Lint", "PGClient", "PGServers"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Rules", "SQLSource"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Lint", "SQLSource", "Schema", "PGClient", "PGServers", "PGTestSupport"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "Lint", "Rules", "SQLSource"]),
        // Test helpers shared by the targets below (throwaway clusters, scratch directories).
        .target(name: "PGTestSupport", dependencies: ["PGClient", "PGServers"], path: "Tests/PGTestSupport"),
        .testTarget(name: "PGClientTests", dependencies: ["PGClient", "PGServers", "PGTestSupport"]),
        .testTarget(name: "PGServersTests", dependencies: ["PGServers", "PGClient", "PGTestSupport",
                                                           "SQLSource", "Lint", "Rules", "Schema"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "PGClient", "PGServers", "PGTestSupport",
                                                        "SQLSource", "Lint", "Rules", "YAMLTree"]),
        .testTarget(name: "RehearsalsTests", dependencies: ["Rehearsals", "PGClient", "PGServers", "PGTestSupport",
                                                            "SQLSource", "Lint", "Rules", "Schema"]),
        .testTarget(name: "CLITests", dependencies: ["replint", "PGClient", "PGServers"]),
    ],
    swiftLanguageModes: [.v6]
)
