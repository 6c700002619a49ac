// swift-tools-version:6.0
import PackageDescription

// A load generator for the REST adapter, kept out of the product and its tests. It builds the
// program's own modules (symbolic links to ../../Sources) in release mode beside a small
// executable that serves the adapter over the in-process sandbox and loads it over loopback.
let package = Package(
    name: "RESTLoad",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "WebexAPI", path: "Modules/WebexAPI"),
        .target(name: "HTTPServer", path: "Modules/HTTPServer"),
        .target(name: "WebexSandbox", dependencies: ["WebexAPI", "HTTPServer"], path: "Modules/WebexSandbox"),
        .target(name: "TrackingCodesCore", dependencies: ["WebexAPI"], path: "Modules/TrackingCodesCore"),
        .target(
            name: "Adapters", dependencies: ["TrackingCodesCore", "HTTPServer", "WebexAPI"], path: "Modules/Adapters"),
        .executableTarget(
            name: "rest-load", dependencies: ["Adapters", "WebexSandbox", "TrackingCodesCore", "WebexAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
