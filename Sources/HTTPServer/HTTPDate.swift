#if canImport(Glibc)
import Glibc
#endif

/// The `Date` field value in IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`), remembered for
/// the current second so busy connections format it once a second, not once a response.
struct HTTPDate {
    private var cachedSecond: time_t = -1
    private var cachedValue = ""

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    mutating func now() -> String {
        let second = time(nil)
        if second != cachedSecond {
            cachedSecond = second
            cachedValue = Self.format(second)
        }
        return cachedValue
    }

    static func format(_ second: time_t) -> String {
        var seconds = second
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }

        let day = "\(weekdays[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) "
            + "\(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900)"
        let clock = [parts.tm_hour, parts.tm_min, parts.tm_sec]
            .map(twoDigits).joined(separator: ":")
        return "\(day) \(clock) GMT"
    }
}
