internal import CICUShim

/// Locale-correct ordering of text from CLDR through ICU: Swedish puts å, ä, ö after z,
/// German sorts ä with a, Turkish keeps ı and i apart.
///
/// ```swift
/// let swedish = try Collator.shared(for: LocaleTag("sv"))
/// swedish.sorted(["ö", "a", "z", "å"])   // ["a", "z", "å", "ö"]
/// ```
///
/// ICU collators promise no thread safety, so each one is used under its own lock; sorting
/// computes each string's binary sort key once and compares keys without the lock.
public final class Collator: Sendable {
    public let locale: LocaleTag
    private let collator: LockedICUObject

    private static let cache = ObjectCache<String, Collator>(limit: 512)

    /// The shared collator for `locale` (opened once per locale).
    public static func shared(for locale: LocaleTag) throws(LocalizationError) -> Collator {
        try cache.object(for: locale.icuID) { () throws(LocalizationError) in try Collator(locale: locale) }
    }

    public init(locale: LocaleTag) throws(LocalizationError) {
        var status: Int32 = 0
        guard let opened = pasar_ucol_open(locale.icuID, &status), pasar_failure(status) == 0 else {
            throw .icu("ucol_open", code: status)
        }
        self.locale = locale
        self.collator = LockedICUObject(opened) { pasar_ucol_close($0) }
    }

    /// Orders two strings as the locale does.
    public func compare(_ lhs: String, _ rhs: String) -> Ordering {
        let left = lhs.utf16Units
        let right = rhs.utf16Units
        let result = (try? collator.withLock { pasar_ucol_strcoll($0, left, Int32(left.count), right, Int32(right.count)) }) ?? 0
        return result < 0 ? .ascending : result > 0 ? .descending : .same
    }

    /// A binary key whose bytewise order is this locale's order; store it to sort in a database.
    public func sortKey(_ text: String) -> [UInt8] {
        let units = text.utf16Units
        return (try? collator.withLock { handle in
            var key = [UInt8](repeating: 0, count: max(32, units.count * 4 + 8))
            var length = Int(pasar_ucol_sort_key(handle, units, Int32(units.count), &key, Int32(key.count)))
            if length > key.count {
                key = [UInt8](repeating: 0, count: length)
                length = Int(pasar_ucol_sort_key(handle, units, Int32(units.count), &key, Int32(key.count)))
            }
            // The returned length counts the terminating zero byte, which every key ends with.
            return Array(key[0..<max(0, length - 1)])
        }) ?? []
    }

    /// Sorts strings in this locale's order.
    public func sorted(_ strings: [String]) -> [String] {
        sorted(strings, by: { $0 })
    }

    /// Sorts elements by a text property in this locale's order (stable for equal keys).
    public func sorted<Element>(_ elements: [Element], by text: (Element) -> String) -> [Element] {
        let keyed = elements.enumerated().map { (offset: $0.offset, key: sortKey(text($0.element)), element: $0.element) }
        return keyed.sorted { lhs, rhs in
            lhs.key.lexicographicallyPrecedes(rhs.key) || (lhs.key == rhs.key && lhs.offset < rhs.offset)
        }.map(\.element)
    }

    /// The result of comparing two strings.
    public enum Ordering: Sendable { case ascending, same, descending }
}
