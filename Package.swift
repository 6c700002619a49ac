// swift-tools-version:6.0
import PackageDescription

// The folder list is the architecture: terminal → UI → view models → API client;
// the sandbox and the adapters sit beside the UI on the same core.
let package = Package(
    name: "trackcodes",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trackcodes", targets: ["trackcodes"]),
    ],
    targets: [
        // No pkgConfig: SwiftPM would warn about the -D flags it drops; shim.h sets them instead.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // glibc's mallopt, for AllocatorTuning; part of libc, so nothing to link or install.
        .systemLibrary(name: "CMalloc"),
        .target(name: "WebexAPI"),
        .target(name: "HTTPServer"),
        .target(name: "WebexSandbox", dependencies: ["WebexAPI", "HTTPServer"]),
        .target(name: "TrackingCodesCore", dependencies: ["WebexAPI"]),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "TrackingCodesCore"]),
        .target(name: "Adapters", dependencies: ["TrackingCodesCore", "HTTPServer", "WebexAPI"]),
        .target(
            name: "TrackcodesCLI",
            dependencies: [
                "WebexAPI", "WebexSandbox", "HTTPServer", "TrackingCodesCore", "TerminalUI", "Adapters",
                "CMalloc",
            ]
        ),
        .executableTarget(name: "trackcodes", dependencies: ["TrackcodesCLI"]),
        .executableTarget(
            name: "trackcodes-bench",
            dependencies: ["TrackingCodesCore", "WebexSandbox", "WebexAPI", "Adapters"],
            path: "Benchmarks/Sources/TrackcodesBench"
        ),

        .testTarget(name: "WebexAPITests", dependencies: ["WebexAPI", "WebexSandbox"]),
        .testTarget(name: "WebexSandboxTests", dependencies: ["WebexSandbox", "WebexAPI", "HTTPServer"]),
        .testTarget(name: "TrackingCodesCoreTests", dependencies: ["TrackingCodesCore", "WebexSandbox"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TrackingCodesCore", "WebexSandbox"]),
        .testTarget(name: "CLITests", dependencies: ["TrackcodesCLI", "WebexSandbox"]),
        .testTarget(name: "EndToEndTests", dependencies: ["WebexSandbox", "WebexAPI"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(
            name: "AdaptersTests", dependencies: ["Adapters", "WebexSandbox", "HTTPServer"], exclude: ["python"]),
        .testTarget(
            name: "FaultMatrixTests",
            dependencies: [
                "WebexAPI", "WebexSandbox", "HTTPServer", "TrackingCodesCore", "TerminalUI", "Adapters",
                "TrackcodesCLI",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
