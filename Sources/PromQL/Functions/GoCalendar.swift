/// Civil-calendar fields of a Unix time exactly as Go's `time` package
/// computes them in UTC, including its wrap-around for absurd inputs, so the
/// date functions agree with Prometheus for every input value.
struct GoCalendar {
    private static let secondsPerDay: UInt64 = 86_400
    private static let daysPer400Years: UInt64 = 365 * 400 + 97
    private static let daysPer100Years: UInt64 = 365 * 100 + 24
    private static let daysPer4Years: UInt64 = 365 * 4 + 1
    private static let absoluteZeroYear: Int64 = -292_277_022_399
    private static let unixToInternal: Int64 = 62_135_596_800
    private static let internalToAbsolute: Int64 = 9_223_371_966_579_724_800
    private static let daysBefore: [Int] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

    let year: Int64
    /// 1...12
    let month: Int
    /// 1...31
    let day: Int
    /// 1...366
    let dayOfYear: Int
    let hour: Int
    let minute: Int
    /// Sunday = 0
    let weekday: Int

    /// `time.Unix(int64(seconds), 0).UTC()`; Go turns NaN and out-of-range
    /// values into the minimum int64 on amd64, and so do we.
    init(unixSeconds value: Double) {
        let seconds: Int64
        if value.isNaN || value >= 9.223372036854775807e18 || value < -9.223372036854775808e18 {
            seconds = Int64.min
        } else {
            seconds = Int64(value.rounded(.towardZero))
        }
        self.init(unixSeconds: seconds)
    }

    init(unixSeconds seconds: Int64) {
        let absolute = UInt64(bitPattern: seconds &+ (GoCalendar.unixToInternal &+ GoCalendar.internalToAbsolute))
        var d = absolute / GoCalendar.secondsPerDay
        var n = d / GoCalendar.daysPer400Years
        var y = 400 &* n
        d -= GoCalendar.daysPer400Years * n
        n = d / GoCalendar.daysPer100Years
        n -= n >> 2
        y &+= 100 &* n
        d -= GoCalendar.daysPer100Years * n
        n = d / GoCalendar.daysPer4Years
        y &+= 4 &* n
        d -= GoCalendar.daysPer4Years * n
        n = d / 365
        n -= n >> 2
        y &+= n
        d -= 365 * n
        let year = Int64(bitPattern: y) &+ GoCalendar.absoluteZeroYear
        let yearDay = Int(d)
        self.year = year
        self.dayOfYear = yearDay + 1

        var dayIndex = yearDay
        var month = 0
        var day = 0
        var resolved = false
        if GoCalendar.isLeap(year) {
            if dayIndex > 31 + 29 - 1 {
                dayIndex -= 1
            } else if dayIndex == 31 + 29 - 1 {
                month = 2
                day = 29
                resolved = true
            }
        }
        if !resolved {
            var estimate = dayIndex / 31
            let end = GoCalendar.daysBefore[estimate + 1]
            let begin: Int
            if dayIndex >= end {
                estimate += 1
                begin = end
            } else {
                begin = GoCalendar.daysBefore[estimate]
            }
            month = estimate + 1
            day = dayIndex - begin + 1
        }
        self.month = month
        self.day = day
        self.hour = Int(absolute % GoCalendar.secondsPerDay) / 3600
        self.minute = Int(absolute % 3600) / 60
        // Go's absolute zero is a Monday.
        self.weekday = Int((absolute &+ GoCalendar.secondsPerDay) % (7 * GoCalendar.secondsPerDay)) / 86_400
    }

    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    var daysInMonth: Int {
        switch month {
        case 2: return GoCalendar.isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
