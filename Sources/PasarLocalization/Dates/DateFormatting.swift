internal import CICUShim

/// Dates and date ranges people read, written by ICU from CLDR: a skeleton says which fields to
/// show (`yMMMd`: day, abbreviated month, year), the language decides their order, words and
/// punctuation, and the time zone (the market's) decides the day and hour shown.
///
/// ```swift
/// let instant = DateFormatting.Instant(millisecondsSince1970: 1_796_400_000_000)
/// try DateFormatting.shared.format(instant, .dateTime, locale: LocaleTag("de"), timeZone: "Europe/Berlin")
/// // "4. Dez. 2026, 16:20"
/// ```
public final class DateFormatting: Sendable {
    public static let shared = DateFormatting()

    /// A moment, as the API stores it (milliseconds since 1970 UTC).
    public struct Instant: Sendable, Equatable {
        public let millisecondsSince1970: Int64

        public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }
    }

    /// The skeletons the API uses; a CLDR skeleton names fields, never their order.
    public enum Skeleton: String, Sendable {
        /// Day, abbreviated month, year, hour and minute: when an order was placed.
        case dateTime = "yMMMdjmm"
        /// Day, abbreviated month and year: validity ends, estimates.
        case date = "yMMMd"
        /// Weekday, day and abbreviated month: a delivery window in the coming days.
        case weekdayDayMonth = "EEEMMMd"
    }

    private let formats = ObjectCache<String, LockedICUObject>(limit: 1024)
    private let intervals = ObjectCache<String, LockedICUObject>(limit: 1024)

    public init() {}

    public func format(_ instant: Instant, _ skeleton: Skeleton, locale: LocaleTag, timeZone: String) throws(LocalizationError) -> String {
        let format = try formats.object(for: "\(skeleton.rawValue)|\(locale.icuID)|\(timeZone)") { () throws(LocalizationError) in
            let zone = try Self.canonical(timeZone)
            var status: Int32 = 0
            let pattern = skeleton.rawValue.utf16Units
            guard let opened = pasar_udat_open_skeleton(pattern, Int32(pattern.count), locale.icuID, zone, Int32(zone.count), &status),
                pasar_failure(status) == 0
            else { throw .icu("udat_open(\(skeleton.rawValue))", code: status) }
            return LockedICUObject(opened) { pasar_udat_close($0) }
        }
        return try format.withLock { handle throws(LocalizationError) in
            try ICUCall.utf16("udat_format") { pasar_udat_format(handle, Double(instant.millisecondsSince1970), $0, $1, $2) }
        }
    }

    /// A range such as "Mo., 7. – Mi., 9. Dez." (the shared fields written once, as the language does).
    public func format(
        from start: Instant, to end: Instant, _ skeleton: Skeleton, locale: LocaleTag, timeZone: String
    ) throws(LocalizationError) -> String {
        let format = try intervals.object(for: "\(skeleton.rawValue)|\(locale.icuID)|\(timeZone)") { () throws(LocalizationError) in
            let zone = try Self.canonical(timeZone)
            var status: Int32 = 0
            let pattern = skeleton.rawValue.utf16Units
            guard let opened = pasar_udtitvfmt_open(locale.icuID, pattern, Int32(pattern.count), zone, Int32(zone.count), &status),
                pasar_failure(status) == 0
            else { throw .icu("udtitvfmt_open(\(skeleton.rawValue))", code: status) }
            return LockedICUObject(opened) { pasar_udtitvfmt_close($0) }
        }
        return try format.withLock { handle throws(LocalizationError) in
            try ICUCall.utf16("udtitvfmt_format") {
                pasar_udtitvfmt_format(handle, Double(start.millisecondsSince1970), Double(end.millisecondsSince1970), $0, $1, $2)
            }
        }
    }

    /// The canonical IANA id of `timeZone`; throws for one ICU does not know (ICU would otherwise
    /// fall back to GMT without a word).
    public static func canonicalTimeZone(_ timeZone: String) throws(LocalizationError) -> String {
        String(decoding: try canonical(timeZone), as: UTF16.self)
    }

    private static func canonical(_ timeZone: String) throws(LocalizationError) -> [UInt16] {
        let units = timeZone.utf16Units
        guard !units.isEmpty, units.count < 64 else { throw .unknownTimeZone(timeZone) }
        var isSystem: Int32 = 0
        var status: Int32 = 0
        var buffer = [UInt16](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBufferPointer { pasar_ucal_canonical_zone(units, Int32(units.count), $0.baseAddress!, 64, &isSystem, &status) }
        guard pasar_failure(status) == 0, isSystem != 0, length > 0, length < 64 else { throw .unknownTimeZone(timeZone) }
        return Array(buffer[0..<Int(length)])
    }
}
