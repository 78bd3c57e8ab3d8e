/// Parses `/proc/net/dev`:
///
/// ```
/// Inter-|   Receive                                                |  Transmit
///  face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets ...
///     lo:    3293      31    0    0    0     0          0         0     3293 ...
/// ```
///
/// Two header lines, then `name:` and sixteen counters; receive bytes are the
/// first, transmit bytes the ninth. Old kernels glue a long counter to the
/// colon (`eth0:123456789`), so the name ends at the colon, not at a blank
/// (interface names cannot contain a colon).
enum NetworkDeviceParser {
    static func parse(_ bytes: [UInt8], excluding excluded: Set<String>, issues: inout [ResourceIssue]) -> [NetworkDeviceReading] {
        var devices: [NetworkDeviceReading] = []
        var lineNumber = 0
        KernelText.forEachLine(bytes) { line in
            lineNumber += 1
            guard lineNumber > 2, !KernelText.trimmed(line).isEmpty else { return true }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                issues.append(ResourceIssue(.network, "line \(lineNumber) of /proc/net/dev has no \":\""))
                return true
            }
            let name = KernelText.trimmed(line[..<colon])
            let counters = KernelText.fields(line[(colon + 1)...])
            guard !name.isEmpty, counters.count >= 9,
                let received = KernelText.unsigned(counters[0]), let transmitted = KernelText.unsigned(counters[8])
            else {
                issues.append(ResourceIssue(.network, "line \(lineNumber) of /proc/net/dev is not \"device: counters\""))
                return true
            }
            let device = String(decoding: name, as: UTF8.self)
            if !excluded.contains(device) {
                devices.append(NetworkDeviceReading(device: device, receiveBytes: received, transmitBytes: transmitted))
            }
            return true
        }
        return devices
    }
}
