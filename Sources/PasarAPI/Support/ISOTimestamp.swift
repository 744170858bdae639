import Foundation

/// An ISO 8601 time with its offset (`2026-12-31T23:59:59Z`, `2027-06-30T00:00:00+02:00`) as clients send it.
enum ISOTimestamp {
    /// The time, or nil for text that is not one; Foundation's parser rolls an out-of-range field over
    /// (12:99 becomes 13:39), so such text is refused first.
    static func parse(_ text: String) -> Date? {
        guard fieldsInRange(text) else { return nil }
        return try? Date(text, strategy: .iso8601)
    }

    /// Month, day (for that month), hour, minute, second and offset within their ranges.
    private static func fieldsInRange(_ text: String) -> Bool {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/
        guard let match = text.wholeMatch(of: pattern), let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...days[month - 1]).contains(day), hour < 24, minute < 60, second < 60 else { return false }
        if let offsetHours = match.9.flatMap({ Int($0) }), let offsetMinutes = match.10.flatMap({ Int($0) }) {
            return offsetHours < 24 && offsetMinutes < 60
        }
        return true
    }
}
