internal import CICUShim

/// Names of languages, regions and currencies written in a given language, from CLDR.
///
/// ```swift
/// try DisplayNames.language(LocaleTag("de-CH"), in: LocaleTag("fr"))  // "allemand (Suisse)"
/// try DisplayNames.region("JP", in: LocaleTag("de"))                  // "Japan"
/// try DisplayNames.currency("CHF", in: LocaleTag("ja"))               // "スイス フラン"
/// ```
public enum DisplayNames {
    /// The locale's name (language with script and region) in `display`'s language.
    public static func language(_ locale: LocaleTag, in display: LocaleTag) throws(LocalizationError) -> String {
        try ICUCall.utf16("uloc_getDisplayName") { pasar_uloc_display_name(locale.icuID, display.icuID, $0, $1, $2) }
    }

    /// The name of an ISO 3166 region code in `display`'s language.
    public static func region(_ code: String, in display: LocaleTag) throws(LocalizationError) -> String {
        let upper = code.uppercased()
        guard upper.count == 2 || upper.count == 3, upper.utf8.allSatisfy(\.isASCIIAlphanumeric) else {
            throw .invalidLocale(code)
        }
        let name = try ICUCall.utf16("uloc_getDisplayCountry") {
            pasar_uloc_display_country("und_" + upper, display.icuID, $0, $1, $2)
        }
        // ICU echoes an unknown code back instead of failing.
        guard name != upper else { throw .invalidLocale(code) }
        return name
    }

    /// The currency's name in `display`'s language.
    public static func currency(_ code: String, in display: LocaleTag) throws(LocalizationError) -> String {
        try CurrencyCatalog.displayName(code, in: display)
    }
}
