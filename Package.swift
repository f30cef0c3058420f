// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Regiomonitor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regiomonitor", targets: ["regiomonitor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure domain: values and calculations, no I/O.
        .target(name: "RegioCore"),
        .target(name: "RegioStore", dependencies: [
            "RegioCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "RegioPostgres", dependencies: [
            "RegioCore", "RegioStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .target(name: "RegioImport", dependencies: [
            "RegioCore", "RegioStore",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "RegioDemo", dependencies: ["RegioCore"]),
        // Tables as files for spreadsheets: Office Open XML workbooks (zipped with ZIPFoundation) and the Dutch CSV dialect.
        .target(name: "RegioUitvoer", dependencies: [
            "RegioCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // What people read as pages: HTML (escaping, tables), the printable reports and every SVG chart.
        .target(name: "RegioWeergave", dependencies: ["RegioCore"]),
        // The web dashboard and JSON API: HTTP to calls, HTML and SVG out.
        .target(name: "RegioWeb", dependencies: [
            "RegioCore", "RegioStore", "RegioImport", "RegioUitvoer", "RegioWeergave",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "MultipartKit", package: "multipart-kit"),
        ]),
        // The commands: arguments parsed, the figures asked for, the answer written. A library, so tests run them in-process.
        .target(name: "RegioOpdrachten", dependencies: [
            "RegioCore", "RegioStore", "RegioPostgres", "RegioImport", "RegioDemo", "RegioWeb", "RegioUitvoer", "RegioWeergave",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "regiomonitor", dependencies: ["RegioOpdrachten"]),
        .testTarget(name: "RegioCoreTests", dependencies: ["RegioCore", "RegioWeergave"]),
        .testTarget(name: "RegioTests", dependencies: [
            "RegioCore", "RegioStore", "RegioPostgres", "RegioImport", "RegioDemo", "RegioUitvoer", "RegioWeergave", "RegioOpdrachten",
        ]),
        // The only target with HummingbirdTesting: it is slow to build.
        .testTarget(name: "RegioWebTests", dependencies: [
            "RegioCore", "RegioStore", "RegioImport", "RegioDemo", "RegioWeb", "RegioWeergave",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
