#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H

/// Runs libFuzzer's driver (argument parsing, corpus, mutation loop) on the
/// target's `LLVMFuzzerTestOneInput` and exits with its status. Each fuzz
/// target's main.swift calls it: SwiftPM's debug builds define main() as the
/// main.swift entry point, so libFuzzer's own main() never runs.
__attribute__((noreturn)) void agent360_fuzz_main(int argc, char **argv);

#endif
