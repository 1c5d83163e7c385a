// swift-tools-version:6.1
import PackageDescription

// Layers are one-way (see ARCHITECTURE.md): Core ← Warehouse ← Connectors/Transform/Alerts ← Pipeline, Dashboard;
// the Sandbox sees Core only, so that connector and emulator agree only through the wire format.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The hot paths (the JSON reader and amounts in Core, JSON in the Sandbox and the connectors, staging arithmetic) are
/// optimised in debug builds too: the demo and the reconciliation tests move tens of thousands of orders, about four
/// times faster so.
let optimizedSwiftSettings = swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "omnidash",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "omnidash", targets: ["omnidash"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Sign-in: bcrypt password hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // `omnidash run`: the dashboard and the scheduler as one service that stops cleanly on SIGTERM.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `/metrics`: counters and histograms, exposed in Prometheus' text format.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // E-mail alerts: an SMTP client over NIO, with STARTTLS when the server offers it.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Tests only: the STARTTLS test makes a self-signed certificate (already in the graph through swift-nio-ssl).
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        // Tests only: the browser tests speak the DevTools protocol to headless Chromium over a WebSocket.
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
    ],
    targets: [
        .target(
            name: "OmnidashCore",
            // The JSON reader and `FixedDecimal` live here: every record of every sync passes through them.
            swiftSettings: optimizedSwiftSettings
        ),
        .target(
            name: "Warehouse",
            dependencies: [
                "OmnidashCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for binding bulk rows without GRDB's per-value boxing (SQLiteRowBinder).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Connectors",
            dependencies: [
                "OmnidashCore", "Warehouse",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA (RS256) for service-account JWT assertions.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: optimizedSwiftSettings
        ),
        .target(
            name: "Alerts",
            dependencies: [
                "OmnidashCore", "Warehouse",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Transform",
            dependencies: [
                "OmnidashCore", "Warehouse",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            // Compiled into the binary (`PackageResources`), so the release build is one file that runs anywhere.
            resources: [.embedInCode("Models")],
            swiftSettings: optimizedSwiftSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "OmnidashCore", "Warehouse", "Connectors", "Transform", "Alerts",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Dashboard",
            dependencies: [
                // Transform for the reference data a page lists (`UnmappedSKUs`); pages otherwise read marts.
                "OmnidashCore", "Warehouse", "Transform", "Alerts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                // bcrypt runs on NIO's thread pool, off the tasks that serve pages.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "OmnidashCore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA (RS256): verifying service-account JWT assertions at the token endpoint.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // The loopback SMTP server that receives the alerts' e-mails.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: optimizedSwiftSettings
        ),
        .executableTarget(
            name: "omnidash",
            dependencies: [
                "OmnidashCore", "Warehouse", "Connectors", "Transform", "Alerts", "Pipeline", "Dashboard", "Sandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OmnidashTestSupport",
            dependencies: [
                "OmnidashCore", "Warehouse", "Connectors", "Transform", "Alerts", "Pipeline", "Dashboard", "Sandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "OmnidashCoreTests", dependencies: ["OmnidashCore", "OmnidashTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse", "OmnidashTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConnectorsTests",
            dependencies: ["Connectors", "Sandbox", "OmnidashTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TransformTests", dependencies: ["Transform", "OmnidashTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "AlertsTests", dependencies: [
            "Alerts", "Sandbox", "OmnidashTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "MetricsTestKit", package: "swift-metrics"),
            // The STARTTLS test's own TLS SMTP listener and its self-signed certificate.
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "SandboxTests", dependencies: [
            "Sandbox",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "DashboardTests", dependencies: [
            // Connectors, Transform and the Sandbox: `/metrics` is read after a real sync and transform.
            "Dashboard", "OmnidashTestSupport", "Connectors", "Transform", "Sandbox",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            // `/metrics` is tested over a registry of the test's own, never the process-wide bootstrap.
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], exclude: ["__Snapshots__"], swiftSettings: swiftSettings),
        .testTarget(name: "IntegrationTests", dependencies: [
            "OmnidashTestSupport", "Connectors", "Transform", "Alerts", "Pipeline", "Dashboard", "Sandbox", "Warehouse",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "BrowserTests", dependencies: [
            "OmnidashTestSupport", "Dashboard", "Sandbox", "Warehouse",
            .product(name: "WSClient", package: "swift-websocket"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "omnidashTests", dependencies: ["omnidash", "OmnidashTestSupport"], swiftSettings: swiftSettings),
    ]
)
