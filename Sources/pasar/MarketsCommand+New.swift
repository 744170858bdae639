import ArgumentParser
import Foundation
import PasarLocalization
import PasarMarkets

extension MarketsCommand {
    /// `pasar markets new CC`: a starting market file for a country from CLDR, with `TODO` where
    /// CLDR cannot know the answer.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a starting market file for a country from CLDR; `markets validate` then lists what is left to fill in.",
            discussion: """
                From the system ICU: currency, likely language and locale (and the other official languages of countries \
                that have several), the country's name in them and in English, the time zone when the country has one, \
                and the currency's cash step. Tax, prices, shipping, stores and warehouses are written as TODO.
                """
        )

        @Argument(help: "ISO 3166-1 alpha-2 country code, e.g. NO, CH or JP.")
        var country: String

        @Option(help: "Write the file here instead of to standard output (refused when it exists); name it <code>.yaml.")
        var out: String?

        func run() throws {
            guard LocaleTag.isKnownRegion(country.uppercased()) else {
                throw ValidationError("'\(country)' is not an ISO 3166-1 alpha-2 country code ICU knows, such as NO, CH or JP")
            }
            let template: MarketTemplate
            let text: String
            do {
                template = try MarketTemplate(country: country)
                text = try template.yaml
            } catch {
                throw ValidationError(
                    "CLDR does not know the language or currency of \(country.uppercased()) (\(error)): write its market file by hand, see Locales/markets/README.md")
            }
            guard let out else {
                print(text, terminator: "")
                return
            }
            try NewFile.write(text, to: out)
            print("wrote \(out) (market \(template.code)); fill in its TODOs, then run pasar markets validate")
        }
    }
}
