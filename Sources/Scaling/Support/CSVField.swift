import Foundation

/// The small part of RFC 4180 both CSV directions need.
enum CSVField {
    /// Quotes a field only when it holds a comma, quote or line break.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits one line into fields, honouring double quotes; nil when a quote
    /// is left open (the caller reports the line).
    static func split(_ line: Substring) -> [String]? {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let char = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if char == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(char)
                }
            } else if char == "\"", field.isEmpty {
                inQuotes = true
            } else if char == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(char)
            }
        }
        guard !inQuotes else { return nil }
        fields.append(field)
        return fields
    }
}
