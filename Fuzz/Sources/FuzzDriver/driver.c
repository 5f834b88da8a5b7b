#include "FuzzDriver.h"

// Provided by libFuzzer (linked by -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

int fuzz_main(int argc, char **argv, FuzzOneInput test) {
  return LLVMFuzzerRunDriver(&argc, &argv, test);
}
