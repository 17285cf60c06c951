// libFuzzer's driver, for the fuzz targets' entry points (Sources/Fuzz*). SwiftPM links an executable
// with `main` defined as `<Target>_main`, so the targets define that symbol and hand over to libFuzzer
// here instead of relying on libFuzzer's own `main`. Only referenced in builds with -D FUZZING
// (-sanitize=fuzzer links the runtime that defines it).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
