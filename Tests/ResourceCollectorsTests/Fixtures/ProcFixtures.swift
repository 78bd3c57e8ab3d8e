/// `/proc` files as a 4-CPU host writes them (trimmed where long).
enum ProcFixtures {
    /// 4 CPUs allowed. `Cpus_allowed_list` is what sched_getaffinity returns.
    static let status = """
        Name:\tagent360
        Umask:\t0022
        State:\tS (sleeping)
        Tgid:\t4242
        Pid:\t4242
        Threads:\t6
        Cpus_allowed:\tf
        Cpus_allowed_list:\t0-3
        Mems_allowed_list:\t0
        voluntary_ctxt_switches:\t150

        """

    /// Aggregate busy ticks: user 23924 + nice 50 + system 6155 + irq 10 +
    /// softirq 109 + steal 391 = 30639 ticks = 306.39 s at USER_HZ 100.
    static let stat = """
        cpu  23924 50 6155 1412797 1786 10 109 391 0 0
        cpu0 11068 20 3323 706572 789 5 9 253 0 0
        cpu1 12856 30 2832 706225 997 5 100 138 0 0
        intr 358336 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
        ctxt 1093482
        btime 1764403200
        processes 20467
        procs_running 2
        procs_blocked 0
        softirq 264738 0 59842 24 20312 0 0 1390 95470 0 87700

        """

    /// MemTotal 24684084 kB = 25276502016 bytes; MemAvailable 24341396 kB, so
    /// the working set is 342688 kB = 350912512 bytes.
    static let meminfo = """
        MemTotal:       24684084 kB
        MemFree:        24367116 kB
        MemAvailable:   24341396 kB
        Buffers:            2192 kB
        Cached:           108696 kB
        SwapCached:            0 kB
        Active:            89728 kB
        Inactive:          84384 kB
        SwapTotal:             0 kB
        SwapFree:              0 kB
        HugePages_Total:       0
        Hugepagesize:       2048 kB

        """

    /// Many interfaces, with the layouts seen in the wild: right-aligned
    /// short names, a long name glued to its first counter (older kernels
    /// print `%6s:%8lu`), wide counters and tabs.
    static let netDev = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:    3293      31    0    0    0     0          0         0     3293      31    0    0    0     0       0          0
          eth0: 113957769    2376    0    0    0     0          0         0   135645    1395    0    0    0     0       0          0
        docker0:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0
        veth1a2b3c4:98765432101  654321    0    0    0     0          0         0 12345678901  123456    0    0    0     0       0          0
        wlp2s0: 18446744073709551615 1 0 0 0 0 0 0 42 1 0 0 0 0 0 0
          ifb0:\t0\t0 0 0 0 0 0 0 7 0 0 0 0 0 0 0

        """

    static let hostOnly: [String: String] = [
        "/proc/self/status": status,
        "/proc/stat": stat,
        "/proc/meminfo": meminfo,
        "/proc/net/dev": netDev,
    ]
}
