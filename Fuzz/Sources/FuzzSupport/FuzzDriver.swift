import CFuzzDriver

/// Hands the process to libFuzzer, which calls the target's
/// `@_cdecl("LLVMFuzzerTestOneInput")` function with each input. Call it from
/// a target's main.swift (and define everything else in other files, whose
/// globals are initialized lazily); it never returns.
public func runFuzzer() -> Never {
    agent360_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv)
}
