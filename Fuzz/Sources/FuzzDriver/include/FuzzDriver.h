#ifndef BACKSTEP_FUZZ_DRIVER_H
#define BACKSTEP_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One fuzz input: 0 to keep going. Thrown errors are caught by the caller's Swift code.
typedef int (*FuzzOneInput)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (its command-line flags, corpus and artifacts) over `test`.
/// SwiftPM gives every executable its own entry point, so the targets call this from their
/// main.swift instead of relying on libFuzzer's own main().
int fuzz_main(int argc, char **argv, FuzzOneInput test);

#endif
