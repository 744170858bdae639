import PasarLocalization
import Testing

@Suite("Parsing localized numbers back to exact decimals")
struct ParsingTests {
    @Test(arguments: [
        ("de-DE", "1.234,5", "1234.5"),
        ("en-US", "1,234,567.891", "1234567.891"),
        ("de-CH", "1’234.50", "1234.5"),
        ("ar-EG", "١٬٢٣٤٫٥", "1234.5"),
        ("fr-FR", "-0,25", "-0.25"),
        ("en-US", "12345678901234567.89", "12345678901234567.89"),
    ])
    func parsesExactly(_ locale: String, _ text: String, _ expected: String) throws {
        #expect(try NumberParser.shared.parse(text, locale: LocaleTag(locale)) == expected)
    }

    @Test(arguments: ["abc", "12abc", "", "1.2.3.4,5,,"])
    func rejectsText(_ text: String) throws {
        #expect(throws: LocalizationError.invalidNumber(text)) {
            try NumberParser.shared.parse(text, locale: LocaleTag("en-US"))
        }
    }
}
