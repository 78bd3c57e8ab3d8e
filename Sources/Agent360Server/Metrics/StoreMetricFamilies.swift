import Exposition
import TSDB

/// The store's size, read at scrape time (cheap: counters kept by the store).
enum StoreMetricFamilies {
    static func families(_ stats: StoreStats) -> [MetricFamily] {
        func gauge(_ name: String, _ help: String, _ unit: String, _ value: Int) -> MetricFamily {
            .single(name, .gauge, help, unit, Double(value))
        }
        return [
            gauge("agent360_tsdb_active_series", "Series currently held in memory.", "", stats.activeSeries),
            gauge("agent360_tsdb_samples", "Samples currently held in memory.", "", stats.samples),
            gauge("agent360_tsdb_chunks", "Compressed chunks currently held in memory.", "", stats.chunks),
            gauge("agent360_tsdb_symbols", "Distinct interned label strings.", "", stats.symbols),
            gauge("agent360_tsdb_memory_bytes", "Estimated memory held by series, chunks, index and symbols.", "bytes",
                  stats.memoryBytes),
        ]
    }
}
