import PasarLocalization
import PasarTestSupport
import Testing

struct NegotiationCase: Decodable, Sendable, CustomTestStringConvertible {
    let supported: [String]
    let header: String
    let chosen: String
    var testDescription: String { "'\(header)' → \(chosen)" }
}

@Suite("Accept-Language negotiation")
struct NegotiationTests {
    @Test(arguments: Fixtures.decode([NegotiationCase].self, from: "formatting/negotiation.json"))
    func negotiates(_ fixture: NegotiationCase) throws {
        let negotiator = try LocaleNegotiator(supported: fixture.supported.map { try LocaleTag($0) })
        #expect(negotiator.negotiate(acceptLanguage: fixture.header).identifier == fixture.chosen)
    }

    @Test func parsesQualityAndWildcards() throws {
        let parsed = AcceptLanguage("fr;q=0.5, de-CH, en;q=0, *;q=0.1, xx-!!")
        #expect(parsed.preferred == [try LocaleTag("de-CH"), try LocaleTag("fr")])
        #expect(parsed.refused == [try LocaleTag("en")])
        #expect(parsed.acceptsAny)
    }

    @Test func missingHeaderGetsTheDefault() throws {
        let negotiator = try LocaleNegotiator(supported: [LocaleTag("tr"), LocaleTag("en")])
        #expect(negotiator.negotiate(acceptLanguage: nil).identifier == "tr")
    }

    @Test func anEmptySupportedListIsRefused() {
        #expect(throws: LocalizationError.self) { try LocaleNegotiator(supported: []) }
    }
}
