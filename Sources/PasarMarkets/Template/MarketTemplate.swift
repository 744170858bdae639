public import PasarLocalization
import PasarCore

/// A starting market file for a country, from what CLDR knows through ICU (`RegionFacts`): code,
/// names, currency, languages, time zone and the currency's cash step. What CLDR cannot know (tax
/// mode and rates, price source, shipping, stores, warehouses) is written as `TODO`, which
/// `pasar markets validate` reports field by field until it is filled in.
///
/// ```swift
/// print(try MarketTemplate(country: "NO").yaml)   // code: "no", currency: NOK, languages: [nb-NO, en], …
/// ```
public struct MarketTemplate: Sendable {
    public let facts: RegionFacts

    public init(country: String) throws(LocalizationError) {
        facts = try RegionFacts(country: country)
    }

    /// The market code: the country code in lower case (`no`), which is also the file name.
    public var code: String { facts.country.lowercased() }

    /// The market file's text.
    public var yaml: String {
        get throws(LocalizationError) {
            let country = facts.country
            let currency = try CurrencyCatalog.currency(facts.currencyCode)
            let addsEnglish = !facts.languages.contains { $0.language == "en" }
            let languages = facts.languages + (addsEnglish ? [try LocaleTag("en")] : [])
            var names: [(String, String)] = []
            for language in languages where !names.contains(where: { $0.0 == language.language }) {
                names.append((language.language, try DisplayNames.region(country, in: language)))
            }
            let cashStep = Money(minorUnits: currency.cashIncrementMinorUnits, currency: currency).decimalString
            let englishName = names.last { $0.0 == "en" }?.1 ?? country
            return """
                # Market \(country) (\(englishName)), started by `pasar markets new \(country)` from CLDR (the system ICU).
                # Check every value and replace each TODO: `pasar markets validate` reports the ones left.
                code: \(YAMLText.scalar(code))
                name: {\(names.map { "\($0.0): \(YAMLText.scalar($0.1))" }.joined(separator: ", "))}
                countries: [\(YAMLText.scalar(country))]
                currency: \(currency.code)
                languages: [\(languages.map(\.identifier).joined(separator: ", "))]   # \(languageComment(addsEnglish: addsEnglish))
                \(timeZoneLine)
                tax:
                  mode: TODO   # inclusive (list prices include VAT/GST) or exclusive (tax added at checkout)
                  rates:       # percent per tax class; cite each rate's legal source (law, article, tax authority) in a comment
                    standard: TODO   # legal source: TODO
                    reduced: TODO    # legal source: TODO; remove this class if the country has none
                    zero: "0"
                rounding:
                  mode: half-even
                  level: line
                  cash_increment: \(YAMLText.scalar(cashStep))   # CLDR's cash step for \(currency.code); raise it if the smallest coin in use is larger
                prices:
                  source: TODO   # own (this market's price list) or derived (with from: another market's code; rate from rates.yaml)
                channels: [web, mobile]   # add pos, marketplace or support where they sell here
                shipping: TODO     # a list of methods (id, name per language, price in \(currency.code), optional free_over and days: [fewest, most]), or remove
                stores: TODO       # a list of stores (id, name, address, country: \(country), opening_hours, pickup), or remove
                warehouses: TODO   # a list of stock locations that ship (id, name, address, country: \(country)), or remove

                """
        }
    }

    /// Where each language of the list comes from.
    private func languageComment(addsEnglish: Bool) -> String {
        let sources =
            ["CLDR's likely language first (the default)"] + (facts.languages.count > 1 ? ["the other official languages"] : [])
            + (addsEnglish ? ["English"] : [])
        return sources.count == 1 ? "CLDR's likely language" : sources.dropLast().joined(separator: ", ") + " and " + sources.last!
    }

    private var timeZoneLine: String {
        switch facts.timeZones.count {
        case 1: "time_zone: \(facts.timeZones[0])"
        case 0: "time_zone: TODO   # the IANA zone customers read dates in, such as Europe/Berlin"
        default: "time_zone: TODO   # the zone customers read dates in, one of: \(facts.timeZones.joined(separator: ", "))"
        }
    }
}
