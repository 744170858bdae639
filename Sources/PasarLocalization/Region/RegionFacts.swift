internal import CICUShim

/// What CLDR, through the system ICU, says about a country: its likely locale, the currency in use,
/// the languages to serve and its time zones. The starting point of a new market file.
///
/// ```swift
/// let norway = try RegionFacts(country: "NO")
/// norway.languages                 // [nb-NO]
/// norway.currencyCode              // "NOK"
/// norway.timeZones                 // ["Europe/Oslo"]
/// try RegionFacts(country: "CH").languages   // [de-CH, fr-CH, it-CH, rm-CH]
/// ```
public struct RegionFacts: Sendable, Equatable {
    /// The ISO 3166-1 alpha-2 code, upper case.
    public let country: String
    /// The likely language first (`und-NO` → `nb-NO`), then the country's other official languages
    /// (see `OfficialLanguages`), each with the country as region.
    public let languages: [LocaleTag]
    /// The ISO 4217 currency in use today.
    public let currencyCode: String
    /// The country's canonical location time zones, sorted (one for most countries).
    public let timeZones: [String]

    /// Throws `invalidLocale` for a code that is not an ISO 3166-1 alpha-2 country ICU knows, or one
    /// without a likely language (Antarctica), and `unknownCurrency` when CLDR names no currency for it.
    public init(country code: String) throws(LocalizationError) {
        let country = code.uppercased()
        guard LocaleTag.isKnownRegion(country) else { throw .invalidLocale(code) }
        let likely = try ICUCall.chars("uloc_addLikelySubtags") { pasar_uloc_add_likely_subtags("und_" + country, $0, $1, $2) }
        let likelyLanguage = LocaleTag(trustedICUID: likely).language
        guard !likelyLanguage.isEmpty, likelyLanguage != "und" else { throw .invalidLocale("und-" + country) }
        var languages: [LocaleTag] = []
        for language in [likelyLanguage] + OfficialLanguages.of(country) {
            let tag = try LocaleTag("\(language)-\(country)")
            if !languages.contains(tag) { languages.append(tag) }
        }
        let currency = try ICUCall.utf16("ucurr_forLocale", capacity: 4) { pasar_ucurr_for_locale("und_" + country, $0, $1, $2) }
        guard CurrencyCatalog.isKnown(currency) else { throw .unknownCurrency(currency) }
        self.country = country
        self.languages = languages
        self.currencyCode = currency
        self.timeZones = try Self.zones(of: country)
    }

    /// The canonical location zones ICU lists for the country.
    private static func zones(of country: String) throws(LocalizationError) -> [String] {
        var status: Int32 = 0
        guard let enumeration = pasar_ucal_open_region_zones(country, &status) else { throw .icu("ucal_openTimeZoneIDEnumeration", code: status) }
        defer { pasar_uenum_close(enumeration) }
        try ICUCall.check(status, "ucal_openTimeZoneIDEnumeration")
        var zones: [String] = []
        var length: Int32 = 0
        while let zone = pasar_uenum_next(enumeration, &length, &status), pasar_failure(status) == 0 {
            zones.append(String(cString: zone))
        }
        try ICUCall.check(status, "uenum_next")
        return zones.sorted()
    }
}
