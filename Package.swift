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
        // The Markdown sections of plans and rehearsals: they need the reporters and the values' own modules.
        .target(name: "ReportSections", dependencies: ["Reporters", "Rules", "Rehearsals", "Lint"]),
        // `replint init`: the commented configuration and the baselines pg_dump takes.
        .target(name: "Setup", dependencies: ["PGClient", "PGServers", "SQLSource"]),
        .executableTarget(name: "replint", dependencies: [
            "SQLSource", "Lint", "Rules", "Reporters", "Schema", "PGClient", "PGServers", "Runner", "Rehearsals", "Setup", "ReportSections",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SQLSourceTests", dependencies: ["SQLSource"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "SQLSource", "Lint", "PGClient", "PGServers"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Rules", "SQLSource"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Lint", "SQLSource", "Schema", "PGClient", "PGServers", "PGTestSupport"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "ReportSections", "Lint", "Rules", "SQLSource"]),
        // Test helpers shared by the targets below (throwaway clusters, scratch directories).
        .target(name: "PGTestSupport", dependencies: ["PGClient", "PGServers"], path: "Tests/PGTestSupport"),
        .testTarget(name: "PGClientTests", dependencies: ["PGClient", "PGServers", "PGTestSupport"]),
        .testTarget(name: "PGServersTests", dependencies: ["PGServers", "PGClient", "PGTestSupport",
                                                           "SQLSource", "Lint", "Rules", "Schema"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "PGClient", "PGServers", "PGTestSupport",
                                                        "SQLSource", "Lint", "Rules", "YAMLTree"]),
        .testTarget(name: "RehearsalsTests", dependencies: ["Rehearsals", "PGClient", "PGServers", "PGTestSupport",
                                                            "SQLSource", "Lint", "Rules", "Schema"]),
        .testTarget(name: "SetupTests", dependencies: ["Setup", "Lint", "Rules", "SQLSource"]),
        .testTarget(name: "CLITests", dependencies: ["replint", "PGClient", "PGServers", "PGTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses (Fuzz/, `make fuzz`): declared only when REPLINT_FUZZ
// is set, so no other build compiles them or lists them as products. They
// are built with `-sanitize=fuzzer,address` in a scratch path of their own
// (Fuzz/run.sh); libFuzzer supplies `main`, hence -parse-as-library.
if Context.environment["REPLINT_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"))
    let harnesses: [(String, [Target.Dependency])] = [
        ("SQLDocumentFuzzer", ["SQLSource"]),
        ("SchemaFuzzer", ["SQLSource", "Schema"]),
        ("RulesFuzzer", ["Lint", "Rules", "SQLSource", "Schema"]),
        ("ConfigurationFuzzer", ["Lint", "Rules", "YAMLTree"]),
    ]
    for (name, dependencies) in harnesses {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies, path: "Fuzz/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
