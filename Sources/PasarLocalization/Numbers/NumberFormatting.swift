public import PasarCore

/// Formats money and numbers for people, through the system ICU's NumberFormatter (`unumf_*`).
///
/// ```swift
/// let formatting = NumberFormatting.shared
/// try formatting.currency("1234.5", code: "CHF", locale: LocaleTag("de-CH"))      // "CHF 1’234.50"
/// try formatting.currency("10.03", code: "CHF", locale: tag, options: .cash)       // "CHF 10.05"
/// try formatting.percent("0.081", locale: LocaleTag("de-DE"))                       // "8,1 %"
/// ```
///
/// Amounts reach ICU as decimal strings, never through a binary floating-point value. Opened
/// formatters are cached per skeleton and locale and shared by all threads.
public final class NumberFormatting: Sendable {
    /// Notation for plain numbers.
    public enum Notation: String, Sendable, CaseIterable {
        /// `1,234,567.891`
        case plain
        /// `1.2M`, `123万`
        case compact
    }

    /// One process-wide cache; formatters are immutable, so sharing is free.
    public static let shared = NumberFormatting()

    private let formatters = ObjectCache<String, ICUNumberFormatter>()

    /// A formatted amount, by everything its text depends on.
    private struct MoneyKey: Hashable, Sendable {
        let minorUnits: Int64
        let currency: String
        let digits: Int
        let locale: String
        let options: CurrencyFormatOptions
    }

    /// Formatted amounts: carts and orders show the same few prices over and over, and a lookup costs
    /// a fraction of an ICU format call (the profile of a cart write had 9 % in formatting).
    private let moneyTexts = ObjectCache<MoneyKey, String>(limit: 65_536)

    public init() {}

    /// Formats a decimal string as an amount of the ISO 4217 currency `code`.
    public func currency(
        _ decimal: String, code: String, locale: LocaleTag, options: CurrencyFormatOptions = .standard
    ) throws(LocalizationError) -> String {
        let upper = code.uppercased()
        guard CurrencyCatalog.isKnown(upper) else { throw .unknownCurrency(code) }
        return try formatter(options.skeleton(currencyCode: upper), locale).format(decimal: decimal)
    }

    /// Formats an exact `Money` value.
    public func money(_ money: Money, locale: LocaleTag, options: CurrencyFormatOptions = .standard) throws(LocalizationError) -> String {
        let key = MoneyKey(
            minorUnits: money.minorUnits, currency: money.currency.code, digits: money.currency.minorUnitDigits, locale: locale.icuID, options: options)
        return try moneyTexts.object(for: key) { () throws(LocalizationError) in
            try currency(money.decimalString, code: money.currency.code, locale: locale, options: options)
        }
    }

    /// Formats a plain number with the locale's digits, separators and grouping.
    public func decimal(
        _ value: String, locale: LocaleTag, notation: Notation = .plain, rounding: RoundingMode = .halfEven
    ) throws(LocalizationError) -> String {
        let prefix = notation == .compact ? "compact-short " : ""
        return try formatter("\(prefix)rounding-mode-\(rounding.rawValue)", locale).format(decimal: value)
    }

    /// Formats a fraction as a percentage: `"0.081"` → `8.1%` (en), `8,1 %` (de).
    public func percent(
        _ fraction: String, locale: LocaleTag, notation: Notation = .plain, rounding: RoundingMode = .halfEven
    ) throws(LocalizationError) -> String {
        let prefix = notation == .compact ? "compact-short " : ""
        return try formatter("\(prefix)percent scale/100 rounding-mode-\(rounding.rawValue)", locale).format(decimal: fraction)
    }

    func formatter(_ skeleton: String, _ locale: LocaleTag) throws(LocalizationError) -> ICUNumberFormatter {
        try formatters.object(for: skeleton + "|" + locale.icuID) { () throws(LocalizationError) in
            try ICUNumberFormatter(skeleton: skeleton, locale: locale)
        }
    }
}
