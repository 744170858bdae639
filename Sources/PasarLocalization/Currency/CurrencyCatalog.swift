internal import CICUShim
public import PasarCore
import Synchronization

/// ISO 4217 currencies as ICU/CLDR knows them: which codes exist, their standard and cash
/// precision, and their names. Nothing here is a hand-written table.
///
/// ```swift
/// let chf = try CurrencyCatalog.currency("CHF")   // 2 digits, cash increment 5 (0.05)
/// let sek = try CurrencyCatalog.currency("sek")   // cash digits 0, cash increment 100
/// ```
public enum CurrencyCatalog {
    /// ISO 4217 codes in current use (ICU's common, non-deprecated list).
    public static let isoCodes: Set<String> = {
        var status: Int32 = 0
        guard let enumeration = pasar_ucurr_open_iso_currencies(&status) else { return [] }
        defer { pasar_uenum_close(enumeration) }
        var codes = Set<String>()
        var length: Int32 = 0
        while let code = pasar_uenum_next(enumeration, &length, &status), pasar_failure(status) == 0 {
            codes.insert(String(cString: code))
        }
        return codes
    }()

    /// True for an upper- or lower-case ISO 4217 code in current use (`ZZZ` is not, though ICU would format it).
    public static func isKnown(_ code: String) -> Bool { isoCodes.contains(code.uppercased()) }

    /// The currency for an ISO 4217 code with CLDR's standard and cash precision.
    public static func currency(_ code: String) throws(LocalizationError) -> Currency {
        let upper = code.uppercased()
        guard isoCodes.contains(upper) else { throw .unknownCurrency(code) }
        if let cached = cache.withLock({ $0[upper] }) { return cached }
        let units = upper.utf16Units + [0]
        var status: Int32 = 0
        let digits = pasar_ucurr_fraction_digits(units, 0, &status)
        let cashDigits = pasar_ucurr_fraction_digits(units, 1, &status)
        let cashIncrement = pasar_ucurr_rounding_increment_units(units, 1, digits, &status)
        try ICUCall.check(status, "ucurr_getDefaultFractionDigitsForUsage")
        let currency = Currency(
            code: upper, minorUnitDigits: Int(digits), cashDigits: Int(cashDigits),
            cashIncrementMinorUnits: cashIncrement > 0 ? cashIncrement : nil)
        cache.withLock { $0[upper] = currency }
        return currency
    }

    /// The currency's name in a language: `Swiss Franc` (en), `Schweizer Franken` (de).
    public static func displayName(_ code: String, in locale: LocaleTag) throws(LocalizationError) -> String {
        try name(code, in: locale, long: true)
    }

    /// The currency's symbol in a locale: `CHF`, `€`, `￥` (ja), `US$` (en-CA).
    public static func symbol(_ code: String, in locale: LocaleTag) throws(LocalizationError) -> String {
        try name(code, in: locale, long: false)
    }

    private static func name(_ code: String, in locale: LocaleTag, long: Bool) throws(LocalizationError) -> String {
        let upper = code.uppercased()
        guard isoCodes.contains(upper) else { throw .unknownCurrency(code) }
        var status: Int32 = 0
        var length: Int32 = 0
        guard let name = pasar_ucurr_name(upper.utf16Units + [0], locale.icuID, long ? 1 : 0, &length, &status),
            pasar_failure(status) == 0
        else { throw .icu("ucurr_getName", code: status) }
        return String(decoding: UnsafeBufferPointer(start: name, count: Int(length)), as: UTF16.self)
    }

    private static let cache = Mutex<[String: Currency]>([:])
}
