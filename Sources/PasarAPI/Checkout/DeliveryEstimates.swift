import Foundation
import PasarCore
import PasarLocalization
import Synchronization

/// Delivery windows: a shipping method's days counted from today in the market's time zone, and
/// the window as people read it ("Di., 8. – Do., 10. Dez.": ICU's interval format, weekday, day and
/// month). Both are remembered per hour, since carts show them on every render and they change
/// only at midnight (so a window may lag a new day by up to an hour).
final class DeliveryEstimates: Sendable {
    static let shared = DeliveryEstimates()

    private let windows = Mutex<[String: DeliveryWindow]>([:])
    private let views = Mutex<[String: DeliveryEstimateView]>([:])
    /// Entries kept before the caches start over.
    private static let limit = 4096

    /// The window of a parcel sent `now`; nil for an unknown time zone.
    func window(days: ClosedRange<Int>, from now: Date, timeZone: String) -> DeliveryWindow? {
        let key = "\(days.lowerBound)-\(days.upperBound)|\(timeZone)|\(Int64(now.timeIntervalSince1970) / 3600)"
        if let known = windows.withLock({ $0[key] }) { return known }
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.startOfDay(for: now)
        func date(_ offset: Int) -> String {
            let day = calendar.date(byAdding: .day, value: offset, to: today) ?? today
            let parts = calendar.dateComponents([.year, .month, .day], from: day)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }
        let window = DeliveryWindow(earliest: date(days.lowerBound), latest: date(days.upperBound))
        remember(window, key, in: windows)
        return window
    }

    /// The window with its dates as people read them in `language`.
    func view(_ window: DeliveryWindow, timeZone: String, language: LocaleTag) throws -> DeliveryEstimateView {
        let key = "\(window.earliest)|\(window.latest)|\(timeZone)|\(language.identifier)"
        if let known = views.withLock({ $0[key] }) { return known }
        guard let earliest = noon(window.earliest, timeZone), let latest = noon(window.latest, timeZone) else {
            return DeliveryEstimateView(earliest: window.earliest, latest: window.latest, formatted: "\(window.earliest) – \(window.latest)")
        }
        let formatted =
            window.earliest == window.latest
            ? try DateFormatting.shared.format(earliest, .weekdayDayMonth, locale: language, timeZone: timeZone)
            : try DateFormatting.shared.format(from: earliest, to: latest, .weekdayDayMonth, locale: language, timeZone: timeZone)
        let view = DeliveryEstimateView(earliest: window.earliest, latest: window.latest, formatted: formatted)
        remember(view, key, in: views)
        return view
    }

    /// Midday of a calendar date in the zone: the instant ICU formats, clear of any daylight-saving edge.
    private func noon(_ date: String, _ timeZone: String) -> DateFormatting.Instant? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let instant = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)) else { return nil }
        return DateFormatting.Instant(instant)
    }

    private func remember<Value: Sendable>(_ value: sending Value, _ key: String, in cache: borrowing Mutex<[String: Value]>) {
        cache.withLock { entries in
            if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
    }
}

/// When a parcel is expected: the dates (in the market's time zone) and the window as people read it.
struct DeliveryEstimateView: Encodable, Equatable, Sendable {
    let earliest: String
    let latest: String
    let formatted: String
}
