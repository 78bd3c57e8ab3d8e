/// cgroup trees as container runtimes leave them.
enum CgroupFixtures {
    static let podPath = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod7f3c.slice"
    static let containerPath = podPath + "/cri-containerd-9a1b2c.scope"

    static let v2CPUStat = """
        usage_usec 8765432
        user_usec 6000000
        system_usec 2765432
        nr_periods 1200
        nr_throttled 15
        throttled_usec 250000
        nr_bursts 0
        burst_usec 0

        """

    /// inactive_file 31457280 = 30 MiB.
    static let v2MemoryStat = """
        anon 104857600
        file 52428800
        kernel 4194304
        kernel_stack 327680
        pagetables 1048576
        sock 0
        shmem 0
        file_mapped 10485760
        file_dirty 0
        file_writeback 0
        anon_thp 0
        inactive_anon 100000000
        active_anon 4857600
        inactive_file 31457280
        active_file 20971520
        unevictable 0
        slab_reclaimable 2097152
        slab_unreclaimable 1048576
        pgfault 123456
        pgmajfault 12

        """

    static let v2MountInfo = """
        22 1 0:21 / / rw,relatime - overlay overlay rw,lowerdir=/l,upperdir=/u,workdir=/w
        30 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        31 22 0:5 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw

        """

    /// A Kubernetes container without its own memory limit in a pod that has
    /// one (the pod slice's 256 MiB applies), with a 1.5-core CPU quota.
    /// Working set: 150 MiB current - 30 MiB inactive file = 120 MiB.
    static let v2WithLimits: [String: String] = {
        var files = ProcFixtures.hostOnly
        let container = "/sys/fs/cgroup" + containerPath
        let pod = "/sys/fs/cgroup" + podPath
        files["/proc/self/cgroup"] = "0::\(containerPath)\n"
        files["/proc/self/mountinfo"] = v2MountInfo
        files["/sys/fs/cgroup/cgroup.controllers"] = "cpuset cpu io memory hugetlb pids rdma misc\n"
        files["/sys/fs/cgroup/cpu.stat"] = "usage_usec 999999999999\n"
        files[pod + "/cgroup.controllers"] = "cpuset cpu io memory hugetlb pids rdma misc\n"
        files[pod + "/cpu.max"] = "max 100000\n"
        files[pod + "/memory.max"] = "268435456\n"
        files[container + "/cgroup.controllers"] = "cpuset cpu io memory hugetlb pids rdma misc\n"
        files[container + "/cpu.stat"] = v2CPUStat
        files[container + "/cpu.max"] = "150000 100000\n"
        files[container + "/memory.current"] = "157286400\n"
        files[container + "/memory.max"] = "max\n"
        files[container + "/memory.stat"] = v2MemoryStat
        return files
    }()

    /// A container in its own cgroup namespace (`0::/`) with no limits at
    /// all; the host has 2 CPUs known only from `/proc/stat`.
    static let v2WithMax: [String: String] = {
        var files = ProcFixtures.hostOnly
        files["/proc/self/status"] = nil
        files["/proc/self/cgroup"] = "0::/\n"
        files["/sys/fs/cgroup/cgroup.controllers"] = "cpu io memory pids\n"
        files["/sys/fs/cgroup/cpu.stat"] = v2CPUStat
        files["/sys/fs/cgroup/cpu.max"] = "max 100000\n"
        files["/sys/fs/cgroup/memory.current"] = "157286400\n"
        files["/sys/fs/cgroup/memory.max"] = "max\n"
        files["/sys/fs/cgroup/memory.stat"] = v2MemoryStat
        return files
    }()

    /// This build machine's layout: separate cpu, cpuacct and memory
    /// hierarchies, the process in a memory sub-cgroup, no limits
    /// (9223372036854771712 is v1's "unlimited"), and an empty cgroup2
    /// mount at /sys/fs/cgroup/unified that must not be mistaken for v2.
    static let v1HostWithoutLimits: [String: String] = {
        var files = ProcFixtures.hostOnly
        files["/proc/self/cgroup"] = """
            9:name=systemd:/
            8:pids:/
            4:memory:/process_api/d55e7ed7
            3:cpuset:/
            2:cpuacct:/
            1:cpu:/
            0::/

            """
        files["/proc/self/mountinfo"] = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw

            """
        files["/sys/fs/cgroup/unified/cgroup.controllers"] = "\n"
        files["/sys/fs/cgroup/cpu/cpu.cfs_quota_us"] = "-1\n"
        files["/sys/fs/cgroup/cpu/cpu.cfs_period_us"] = "100000\n"
        files["/sys/fs/cgroup/cpuacct/cpuacct.usage"] = "323092739303\n"
        let memory = "/sys/fs/cgroup/memory/process_api/d55e7ed7"
        files["/sys/fs/cgroup/memory/memory.usage_in_bytes"] = "9000000000\n"
        files["/sys/fs/cgroup/memory/memory.limit_in_bytes"] = "9223372036854771712\n"
        files[memory + "/memory.usage_in_bytes"] = "3629056\n"
        files[memory + "/memory.limit_in_bytes"] = "9223372036854771712\n"
        files[memory + "/memory.stat"] = """
            cache 782336
            rss 1781760
            inactive_file 491520
            active_file 290816
            hierarchical_memory_limit 9223372036854771712
            total_cache 782336
            total_rss 1781760
            total_inactive_file 491520
            total_active_file 290816

            """
        return files
    }()

    /// Docker on a v1 host, no mountinfo: `cpu,cpuacct` mounted together,
    /// `/proc/self/cgroup` naming host paths the container cannot see, a
    /// 0.5-core quota and a 1 GiB limit. Working set: 300000000 - 100000000.
    static let v1DockerWithQuota: [String: String] = {
        var files = ProcFixtures.hostOnly
        files["/proc/self/cgroup"] = """
            12:memory:/docker/0123abcd
            4:cpu,cpuacct:/docker/0123abcd
            1:name=systemd:/docker/0123abcd

            """
        files["/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us"] = "50000\n"
        files["/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us"] = "100000\n"
        files["/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage"] = "123456789012\n"
        files["/sys/fs/cgroup/memory/memory.usage_in_bytes"] = "300000000\n"
        files["/sys/fs/cgroup/memory/memory.limit_in_bytes"] = "1073741824\n"
        files["/sys/fs/cgroup/memory/memory.stat"] = """
            cache 150000000
            rss 140000000
            inactive_file 90000000
            total_cache 150000000
            total_rss 140000000
            total_inactive_file 100000000

            """
        return files
    }()
}
