#ifndef AGENT360_CPREFETCH_H
#define AGENT360_CPREFETCH_H

/// Asks the CPU to start loading the cache line holding `address`.
/// A hint only: it never faults, never waits and changes no memory, so the
/// store's ingest passes can request many series' lines at once instead of
/// stalling on each load in turn. Swift has no spelling for it.
static inline void agent360_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// The same, for a line about to be written.
static inline void agent360_prefetch_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
