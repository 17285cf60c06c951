// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Chancery",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chancery", targets: ["chancery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // the reference the template renderer is tested against (Tests/TemplatesTests)
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // libcmark-gfm from the system (Debian libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // The cable domain: model, parsers for every source format, Markdown + front matter codec.
        .target(name: "CableKit", dependencies: ["CSHA256", "CTextScan", .product(name: "Yams", package: "Yams")]),
        // SHA-256 blocks with the processor's SHA instructions where it has them (CableKit falls back to Swift).
        .target(name: "CSHA256"),
        // Byte classes for the loops over text (tokenizer, body decorator, Markdown fast path, JSON strings),
        // sixteen bytes at a time with SSE2.
        .target(name: "CTextScan"),
        // File access shared by import and build: atomic writes, fast reads and listings, parallel map.
        .target(name: "ChanceryIO"),
        // `chancery import`: walks inputs, detects formats, writes Content/cables atomically.
        .target(name: "CableImport", dependencies: ["CableKit", "ChanceryIO"]),
        // Mustache templates parsed once and rendered on bytes from typed values (swift-mustache's rules).
        .target(name: "Templates", dependencies: ["CTextScan"]),
        // `chancery build`: load content, build the index model once, render pages, write Public/.
        .target(name: "SiteBuilder", dependencies: [
            "CableKit", "ChanceryIO", "CCmarkGFM", "CTextScan", "Templates",
        ]),
        // `chancery serve`: preview server with live reload.
        .target(name: "PreviewServer", dependencies: [
            "SiteBuilder", "ChanceryIO",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The command line: parses arguments and calls the modules above. On Linux it allocates with mimalloc
        // (Debian libmimalloc-dev), which takes the place of glibc's malloc for the whole process: a build
        // allocates and frees from every core at once, and glibc's allocator took a tenth of its CPU.
        .executableTarget(name: "chancery", dependencies: [
            "CableKit", "ChanceryIO", "CableImport", "SiteBuilder", "PreviewServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .testTarget(name: "CableKitTests", dependencies: ["CableKit"], path: "Tests/CableKitTests", exclude: ["Golden"]),
        .testTarget(name: "CableImportTests", dependencies: ["CableImport", "CableKit", "ChanceryIO"], path: "Tests/CableImportTests"),
        .testTarget(name: "TemplatesTests", dependencies: [
            "Templates", .product(name: "Mustache", package: "swift-mustache"),
        ], path: "Tests/TemplatesTests"),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "CableKit", "ChanceryIO", "CTextScan", "Templates"], path: "Tests/SiteBuilderTests",
                    exclude: ["Golden", "Node"]),
        .testTarget(name: "PreviewServerTests", dependencies: [
            "PreviewServer",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], path: "Tests/PreviewServerTests"),
        // Fuzzing (issue 7): what each libFuzzer target does with one input, and one executable per target.
        // `Tests/Fuzz/run.sh` builds them with -sanitize=fuzzer; the normal build makes input replayers.
        .target(name: "FuzzEntries", dependencies: ["CableKit"]),
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzTelegram", dependencies: ["FuzzEntries", "FuzzDriver"]),
        .executableTarget(name: "FuzzFOIA", dependencies: ["FuzzEntries", "FuzzDriver"]),
        .executableTarget(name: "FuzzWikiLeaks", dependencies: ["FuzzEntries", "FuzzDriver"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzEntries", "FuzzDriver"]),
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzEntries", "FuzzDriver"]),
        // Hostile input: fuzz regressions, property tests, the hostile corpus end to end, the preview
        // server under attack and load, crash safety of import and build.
        .testTarget(name: "HardeningTests", dependencies: [
            "CableKit", "CableImport", "SiteBuilder", "PreviewServer", "ChanceryIO", "FuzzEntries",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], path: "Tests/HardeningTests"),
        .testTarget(name: "ChanceryTests", dependencies: [], path: "Tests/ChanceryTests"),
    ]
)
