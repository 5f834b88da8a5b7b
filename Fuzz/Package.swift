// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for backstep's three readers. Built by Scripts/fuzz with
// `-Xswiftc -sanitize=fuzzer` into .build-fuzz/; not part of the main package, so ordinary
// builds and tests never need libFuzzer.
let package = Package(
  name: "BackstepFuzz",
  dependencies: [.package(path: "backstep")],  // Fuzz/backstep links to the main package, whatever its folder is called
  targets: [
    // fuzz_main: libFuzzer's driver, called from each target's main.swift.
    .target(name: "FuzzDriver"),
    // CSV data files: CSVDataLoader.parse(bytes:…), with and without class labels.
    .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver", .product(name: "BackstepCore", package: "backstep")]),
    // Model files: ModelFile.parse(_:path:).
    .executableTarget(name: "fuzz-model", dependencies: ["FuzzDriver", .product(name: "BackstepCore", package: "backstep")]),
    // Settings files: ConfigFile.parse(_:path:).
    .executableTarget(
      name: "fuzz-config",
      dependencies: [
        "FuzzDriver", .product(name: "BackstepConfig", package: "backstep"), .product(name: "BackstepCore", package: "backstep"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
