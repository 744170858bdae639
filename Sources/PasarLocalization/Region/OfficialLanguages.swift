/// Countries with several official languages, which ICU's C API cannot list (its likely subtags give
/// only the first). Source: CLDR supplemental data, `territoryInfo`, the `languagePopulation` entries
/// with `officialStatus="official"` (https://unicode.org/cldr/charts/latest/supplemental/territory_language_information.html),
/// in the order of their population share (regionally official ones, such as Romansh in CH, are not
/// listed). Only countries listed here get more than their likely language.
enum OfficialLanguages {
    /// Official languages of a country beyond its likely language; empty when it has one.
    static func of(_ country: String) -> [String] { table[country] ?? [] }

    private static let table: [String: [String]] = [
        "BE": ["nl", "fr", "de"],
        "CA": ["en", "fr"],
        "CH": ["de", "fr", "it"],
        "FI": ["fi", "sv"],
        "IE": ["en", "ga"],
        "LU": ["fr", "lb", "de"],
    ]
}
