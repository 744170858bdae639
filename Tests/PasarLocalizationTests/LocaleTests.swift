import PasarLocalization
import PasarTestSupport
import Testing

struct LocaleFixtures: Decodable, Sendable {
    struct Canonical: Decodable, Sendable, CustomTestStringConvertible {
        let input: String
        let tag: String
        let icu: String
        var testDescription: String { "'\(input)'" }
    }
    struct Chain: Decodable, Sendable, CustomTestStringConvertible {
        let locale: String
        let chain: [String]
        var testDescription: String { locale }
    }
    struct LanguageName: Decodable, Sendable, CustomTestStringConvertible {
        let locale: String
        let `in`: String
        let name: String
        var testDescription: String { "\(locale) in \(`in`)" }
    }
    struct RegionName: Decodable, Sendable, CustomTestStringConvertible {
        let region: String
        let `in`: String
        let name: String
        var testDescription: String { "\(region) in \(`in`)" }
    }
    struct CurrencyName: Decodable, Sendable, CustomTestStringConvertible {
        let currency: String
        let `in`: String
        let name: String
        var testDescription: String { "\(currency) in \(`in`)" }
    }

    let canonical: [Canonical]
    let invalid: [String]
    let chains: [Chain]
    let languageNames: [LanguageName]
    let regionNames: [RegionName]
    let currencyNames: [CurrencyName]
    let rightToLeft: [String: Bool]

    static let all = Fixtures.decode(LocaleFixtures.self, from: "formatting/locales.json")
}

@Suite("Locales: canonical tags, CLDR fallback, display names")
struct LocaleTests {
    @Test(arguments: LocaleFixtures.all.canonical)
    func canonicalizes(_ fixture: LocaleFixtures.Canonical) throws {
        let tag = try LocaleTag(fixture.input)
        #expect(tag.identifier == fixture.tag)
        #expect(tag.icuID == fixture.icu)
    }

    @Test(arguments: LocaleFixtures.all.invalid)
    func rejectsInvalidTags(_ input: String) {
        #expect(throws: LocalizationError.invalidLocale(input)) { try LocaleTag(input) }
    }

    @Test(arguments: LocaleFixtures.all.chains)
    func followsCLDRParents(_ fixture: LocaleFixtures.Chain) throws {
        #expect(try LocaleTag(fixture.locale).fallbackChain.map(\.identifier) == fixture.chain)
    }

    @Test(arguments: LocaleFixtures.all.languageNames)
    func namesLanguages(_ fixture: LocaleFixtures.LanguageName) throws {
        #expect(try DisplayNames.language(LocaleTag(fixture.locale), in: LocaleTag(fixture.in)) == fixture.name)
    }

    @Test(arguments: LocaleFixtures.all.regionNames)
    func namesRegions(_ fixture: LocaleFixtures.RegionName) throws {
        #expect(try DisplayNames.region(fixture.region, in: LocaleTag(fixture.in)) == fixture.name)
    }

    @Test(arguments: LocaleFixtures.all.currencyNames)
    func namesCurrencies(_ fixture: LocaleFixtures.CurrencyName) throws {
        #expect(try DisplayNames.currency(fixture.currency, in: LocaleTag(fixture.in)) == fixture.name)
    }

    @Test func unknownRegionIsAnError() {
        #expect(throws: LocalizationError.invalidLocale("QQ")) { try DisplayNames.region("QQ", in: LocaleTag("en")) }
    }

    @Test func knowsWritingDirection() throws {
        for (locale, isRightToLeft) in LocaleFixtures.all.rightToLeft {
            #expect(try LocaleTag(locale).isRightToLeft == isRightToLeft, "\(locale)")
        }
    }

    @Test func exposesComponents() throws {
        let tag = try LocaleTag("zh-Hant-HK")
        #expect(tag.language == "zh")
        #expect(tag.script == "Hant")
        #expect(tag.region == "HK")
        #expect(try LocaleTag("de").region == nil)
    }
}
