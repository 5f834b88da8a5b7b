// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "backstep",
  products: [
    .executable(name: "backstep", targets: ["backstep"]),
    .library(name: "BackstepCore", targets: ["BackstepCore"]),
    .library(name: "BackstepConfig", targets: ["BackstepConfig"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // Pure Swift: matrices, layers, losses, optimizers, the stepper, data and file formats.
    .target(name: "BackstepCore", dependencies: ["CKernels"]),
    // The vector training kernels in C, one source compiled per instruction set under target
    // attributes and chosen at run time from what the processor reports (docs/performance.md).
    // Optimised in every build: a debug build runs the same machine code as a release one
    // (the same numbers), and lessons and tests that train thousands of steps stay quick.
    .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])]),
    // Pure: cells, frames, rectangles, colours, glyph tables and the widget protocol.
    .target(name: "TermGrid"),
    // The YAML settings file (`--config`) read into a RunConfiguration, every value checked as read.
    .target(name: "BackstepConfig", dependencies: ["BackstepCore", .product(name: "Yams", package: "Yams")]),
    // Pure: application state, keys to actions, and render(state, size) -> Frame.
    .target(name: "BackstepUI", dependencies: ["BackstepCore", "TermGrid"]),
    // The ncursesw C library, wrapped for Swift by shim.h. No Swift API of its own.
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    // The session's signal flags and handlers, kept once for the whole program in a C source file.
    .target(name: "CSignals", linkerSettings: [.linkedLibrary("ncursesw")]),
    // The only code that touches ncurses: start, stop, draw a Frame, read keys, signals.
    .target(name: "CursesTerminal", dependencies: ["CNcursesw", "CSignals", "TermGrid"]),
    // The program: commands and their options, the session it runs the loop on, and `backstep
    // bench` with the reference problem it trains (generated source, so an installed binary needs no file beside it).
    .executableTarget(
      name: "backstep",
      dependencies: [
        "BackstepCore", "BackstepConfig", "TermGrid", "BackstepUI", "CursesTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "BackstepCoreTests", dependencies: ["BackstepCore", "CKernels"]),
    .testTarget(name: "BackstepConfigTests", dependencies: ["BackstepConfig", "BackstepCore"]),
    .testTarget(name: "TermGridTests", dependencies: ["TermGrid"]),
    .testTarget(
      name: "BackstepUITests", dependencies: ["BackstepUI", "BackstepCore", "TermGrid"],
      exclude: ["Snapshots"]),
    // The program itself: spawned for exit codes and messages, and imported (`@testable import
    // backstep`) to parse command lines in-process and read the reference problem.
    .testTarget(
      name: "BackstepCLITests",
      dependencies: ["backstep", "BackstepCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
  ],
  swiftLanguageModes: [.v6]
)
