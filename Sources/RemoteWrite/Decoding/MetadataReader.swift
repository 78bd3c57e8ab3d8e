#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPrompb
import TSDB

/// Converts metric metadata into the store's `MetricMetadata`.
enum MetadataReader {
    static func read(
        _ list: UnsafeMutablePointer<UnsafeMutablePointer<Prometheus__MetricMetadata>?>,
        count: Int
    ) -> [MetricMetadata] {
        var result: [MetricMetadata] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let entry = list[index]?.pointee else { continue }
            let metadata = make(
                name: cString(entry.metric_family_name), type: entry.type.rawValue,
                help: cString(entry.help), unit: cString(entry.unit)
            )
            if let metadata { result.append(metadata) }
        }
        return result
    }

    /// Nil for a family without a name, which cannot be looked up (Prometheus
    /// skips it too). Strings end at a NUL byte, as protobuf-c's C strings do,
    /// and invalid UTF-8 is repaired (help text is informational).
    static func make(
        name: UnsafeRawBufferPointer, type: UInt32, help: UnsafeRawBufferPointer, unit: UnsafeRawBufferPointer
    ) -> MetricMetadata? {
        let family = string(name)
        guard !family.isEmpty else { return nil }
        return MetricMetadata(metricFamilyName: family, type: metricType(type), help: string(help), unit: string(unit))
    }

    private static func cString(_ pointer: UnsafeMutablePointer<CChar>?) -> UnsafeRawBufferPointer {
        guard let pointer else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
    }

    private static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
    }

    /// Proto numbers to types; numbers this version does not know are `unknown`.
    private static func metricType(_ raw: UInt32) -> MetricMetadata.MetricType {
        switch raw {
        case 1: return .counter
        case 2: return .gauge
        case 3: return .histogram
        case 4: return .gaugehistogram
        case 5: return .summary
        case 6: return .info
        case 7: return .stateset
        default: return .unknown
        }
    }
}
