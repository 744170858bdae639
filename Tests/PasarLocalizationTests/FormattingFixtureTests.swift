import PasarLocalization
import PasarTestSupport
import Testing

struct CurrencyCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let currency: String
    let amount: String
    let usage: String
    let expected: String
    var testDescription: String { "\(locale) \(currency) \(amount) \(usage)" }

    static let all = Fixtures.decode([CurrencyCase].self, from: "formatting/currency.json")
}

struct NumberCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let style: String
    let value: String
    let expected: String
    var testDescription: String { "\(locale) \(style) \(value)" }

    static let all = Fixtures.decode([NumberCase].self, from: "formatting/numbers.json")
}

@Suite("Currency and number formatting against literal fixtures")
struct FormattingFixtureTests {
    @Test(arguments: CurrencyCase.all)
    func currency(_ fixture: CurrencyCase) throws {
        let options: CurrencyFormatOptions = fixture.usage == "cash" ? .cash : .standard
        let formatted = try NumberFormatting.shared.currency(
            fixture.amount, code: fixture.currency, locale: LocaleTag(fixture.locale), options: options)
        #expect(formatted == fixture.expected)
    }

    @Test(arguments: NumberCase.all)
    func number(_ fixture: NumberCase) throws {
        let locale = try LocaleTag(fixture.locale)
        let formatting = NumberFormatting.shared
        let formatted =
            switch fixture.style {
            case "percent": try formatting.percent(fixture.value, locale: locale)
            case "compact": try formatting.decimal(fixture.value, locale: locale, notation: .compact)
            default: try formatting.decimal(fixture.value, locale: locale)
            }
        #expect(formatted == fixture.expected)
    }

    @Test func fixturesCoverTheRequiredLocales() {
        let pairs = Set(CurrencyCase.all.map { "\($0.locale) \($0.currency)" })
        for required in [
            "en-US USD", "en-GB GBP", "de-DE EUR", "de-CH CHF", "fr-FR EUR", "fr-CH CHF", "ja-JP JPY", "id-ID IDR",
            "tr-TR TRY", "ar-AE AED", "ar-EG EGP", "hi-IN INR", "pl-PL PLN", "sv-SE SEK", "ko-KR KRW", "pt-BR BRL",
            "es-MX MXN", "nl-NL EUR", "ar-BH BHD", "en-IN INR",
        ] {
            #expect(pairs.contains(required), "missing \(required)")
        }
    }

    @Test func displayStylesForTheCurrency() throws {
        let locale = try LocaleTag("en-US")
        let formatting = NumberFormatting.shared
        #expect(try formatting.currency("1234.5", code: "EUR", locale: locale, options: .init(display: .isoCode)) == "EUR\u{00A0}1,234.50")
        #expect(try formatting.currency("1234.5", code: "EUR", locale: locale, options: .init(display: .name)) == "1,234.50 euros")
        #expect(try formatting.currency("1", code: "EUR", locale: locale, options: .init(display: .name)) == "1.00 euros")
        #expect(try formatting.currency("5", code: "CAD", locale: locale, options: .init(display: .narrowSymbol)) == "$5.00")
        #expect(try formatting.currency("5", code: "CAD", locale: locale, options: .init(display: .symbol)) == "CA$5.00")
    }

    @Test func roundingModesAreExplicit() throws {
        let locale = try LocaleTag("en-US")
        let formatting = NumberFormatting.shared
        #expect(try formatting.currency("0.125", code: "USD", locale: locale) == "$0.12")
        #expect(try formatting.currency("0.135", code: "USD", locale: locale) == "$0.14")
        #expect(try formatting.currency("0.125", code: "USD", locale: locale, options: .init(rounding: .halfUp)) == "$0.13")
        #expect(try formatting.currency("2.5", code: "JPY", locale: locale) == "¥2")
    }

    @Test(arguments: ["ZZZ", "EURO", "", "12"])
    func unknownCurrencyIsRejected(_ code: String) throws {
        #expect(throws: LocalizationError.unknownCurrency(code)) {
            try NumberFormatting.shared.currency("1", code: code, locale: LocaleTag("en"))
        }
    }

    @Test(arguments: ["1,5", "1e5", "", "--1", "1.", ".5", "NaN", "١٢"])
    func malformedAmountsAreRejected(_ amount: String) throws {
        #expect(throws: LocalizationError.invalidNumber(amount)) {
            try NumberFormatting.shared.currency(amount, code: "EUR", locale: LocaleTag("de"))
        }
    }

    @Test func amountsBeyondDoublePrecisionStayExact() throws {
        let formatted = try NumberFormatting.shared.decimal("12345678901234567.89", locale: LocaleTag("en"))
        #expect(formatted == "12,345,678,901,234,567.89")
    }
}
