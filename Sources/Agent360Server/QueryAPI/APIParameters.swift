import Foundation
import PromQL
import Scaling
import TSDB

/// Parameter parsing with Prometheus's rules and error wording.
enum APIParameters {
    /// Prometheus's `minTime`/`maxTime` when a bound is omitted.
    static let minTime: Int64 = -62_135_596_800_000 / 2  // far past, safe for arithmetic
    static let maxTime: Int64 = 253_402_300_799_000 / 2  // far future

    /// A time given as Unix seconds (float) or RFC 3339; nil text → `fallback`.
    static func time(_ values: FormValues, _ name: String, default fallback: Int64?) throws(APIError) -> Int64 {
        guard let text = values[name], !text.isEmpty else {
            guard let fallback else { throw APIError.invalidParameter(name, "cannot parse \"\" to a valid timestamp") }
            return fallback
        }
        if let seconds = Double(text), seconds.isFinite {
            let whole = seconds.rounded(.towardZero)
            let millis = ((seconds - whole) * 1000).rounded()
            guard abs(whole) < 9e15 else { throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid timestamp") }
            return Int64(whole) * 1000 + Int64(millis)
        }
        if let seconds = RFC3339.parse(text) {
            return Int64((seconds * 1000).rounded())
        }
        throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid timestamp")
    }

    /// A duration as float seconds or a Prometheus duration (`15s`, `1m`), in ms.
    static func duration(_ text: String, _ name: String) throws(APIError) -> Int64 {
        if let seconds = Double(text) {
            let millis = seconds * 1000
            guard millis.isFinite, abs(millis) < 9.2e18 else {
                throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid duration. It overflows int64")
            }
            return Int64(millis.rounded())
        }
        if let duration = ConfigDuration(text) { return duration.milliseconds }
        throw APIError.invalidParameter(name, "cannot parse \"\(text)\" to a valid duration")
    }

    /// `match[]` selectors, each a vector selector, as matcher lists.
    static func matcherSets(_ values: FormValues, required: Bool) throws(APIError) -> [[LabelMatcher]] {
        let texts = values.all("match[]")
        if texts.isEmpty && required { throw APIError(.badData, "no match[] parameter provided") }
        var sets: [[LabelMatcher]] = []
        for text in texts {
            let expr: Expr
            do {
                expr = try parse(text)
            } catch {
                throw APIError.invalidParameter("match[]", "\(error)")
            }
            guard let matchers = expr.vectorSelectorMatchers else {
                throw APIError.invalidParameter("match[]", "1:1: parse error: expected vector selector, got \(expr.typeName)")
            }
            sets.append(matchers)
        }
        return sets
    }

    /// `start`/`end` of the metadata APIs, defaulting to all time.
    static func range(_ values: FormValues) throws(APIError) -> (start: Int64, end: Int64) {
        let start = try time(values, "start", default: minTime)
        let end = try time(values, "end", default: maxTime)
        guard end >= start else { throw APIError.invalidParameter("end", "end timestamp must not be before start time") }
        return (start, end)
    }

    /// The `limit` parameter (0 or absent = no limit).
    static func limit(_ values: FormValues) throws(APIError) -> Int? {
        guard let text = values["limit"], !text.isEmpty else { return nil }
        guard let limit = Int(text) else { throw APIError(.badData, "limit must be a number") }
        return limit > 0 ? limit : nil
    }
}
