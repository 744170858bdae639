internal import CICUShim

/// Which plural category a number takes in a language, from CLDR through ICU.
///
/// ```swift
/// try PluralRules.shared.category(of: "1", locale: LocaleTag("en"))    // .one
/// try PluralRules.shared.category(of: "1.0", locale: LocaleTag("en"))  // .other (visible decimals)
/// try PluralRules.shared.category(of: "3", locale: LocaleTag("pl"))    // .few
/// ```
public final class PluralRules: Sendable {
    public static let shared = PluralRules()

    private let rules = ObjectCache<String, LockedICUObject>(limit: 512)
    /// Formats with the visible fraction digits, as CLDR's plural operands require.
    private let exact = NumberFormatting()

    public init() {}

    /// The category of a decimal number (`"3"`, `"1.5"`) as written, in `locale`.
    public func category(of decimal: String, locale: LocaleTag) throws(LocalizationError) -> PluralCategory {
        let rules = try self.rules.object(for: locale.icuID) { () throws(LocalizationError) in
            var status: Int32 = 0
            guard let opened = pasar_uplrules_open(locale.icuID, &status), pasar_failure(status) == 0 else {
                throw .icu("uplrules_open", code: status)
            }
            return LockedICUObject(opened) { pasar_uplrules_close($0) }
        }
        // Exactly the fraction digits as written, so "1.0" keeps its visible zero (CLDR operand v = 1).
        let fractionDigits = decimal.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let precision = fractionDigits == 0 ? "precision-integer" : "." + String(repeating: "0", count: min(fractionDigits, 20))
        let formatter = try exact.formatter(precision, locale)
        let keyword = try formatter.withFormatted(decimal: decimal) { number throws(LocalizationError) in
            try rules.withLock { handle throws(LocalizationError) in
                try ICUCall.utf16("uplrules_selectFormatted", capacity: 16) {
                    pasar_uplrules_select_formatted(handle, number, $0, $1, $2)
                }
            }
        }
        return PluralCategory(rawValue: keyword) ?? .other
    }

    /// The category of a whole count.
    public func category(of count: Int, locale: LocaleTag) throws(LocalizationError) -> PluralCategory {
        try category(of: String(count), locale: locale)
    }
}
