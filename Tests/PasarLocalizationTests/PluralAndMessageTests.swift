import PasarLocalization
import PasarTestSupport
import Testing

struct PluralCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let number: String
    let category: String
    var testDescription: String { "\(locale) \(number)" }
}

struct MessageCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let pattern: String
    let count: String
    let expected: String
    var testDescription: String { "\(locale) count=\(count)" }
}

@Suite("Plural rules and ICU MessageFormat")
struct PluralAndMessageTests {
    @Test(arguments: Fixtures.decode([PluralCase].self, from: "formatting/plurals.json"))
    func pluralCategory(_ fixture: PluralCase) throws {
        let category = try PluralRules.shared.category(of: fixture.number, locale: LocaleTag(fixture.locale))
        #expect(category.rawValue == fixture.category)
    }

    @Test(arguments: Fixtures.decode([MessageCase].self, from: "formatting/messages.json"))
    func message(_ fixture: MessageCase) throws {
        let text = try MessageFormatter.shared.format(
            fixture.pattern, locale: LocaleTag(fixture.locale),
            arguments: ["count": .number(fixture.count), "name": "Ayşe"])
        #expect(text == fixture.expected)
    }

    @Test func invalidPatternsAreTypedErrors() throws {
        #expect(throws: LocalizationError.self) {
            try MessageFormatter.shared.format("{count, plural, one {# item}", locale: LocaleTag("en"))
        }
    }

    @Test func nonNumericPluralArgumentsAreRejected() throws {
        #expect(throws: LocalizationError.invalidNumber("count=three")) {
            try MessageFormatter.shared.format(
                "{count, plural, other {#}}", locale: LocaleTag("en"), arguments: ["count": .number("three")])
        }
    }
}
