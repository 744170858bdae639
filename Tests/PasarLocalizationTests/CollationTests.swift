import PasarLocalization
import PasarTestSupport
import Testing

struct CollationCase: Decodable, Sendable, CustomTestStringConvertible {
    let locale: String
    let input: [String]
    let sorted: [String]
    var testDescription: String { locale }
}

@Suite("Collation and accent-insensitive search keys")
struct CollationTests {
    @Test(arguments: Fixtures.decode([CollationCase].self, from: "formatting/collation.json"))
    func sortsLikeTheLanguage(_ fixture: CollationCase) throws {
        let collator = try Collator.shared(for: LocaleTag(fixture.locale))
        #expect(collator.sorted(fixture.input) == fixture.sorted)
        for (lower, higher) in zip(fixture.sorted, fixture.sorted.dropFirst()) {
            #expect(collator.compare(lower, higher) == .ascending, "\(lower) < \(higher)")
        }
    }

    @Test(arguments: [
        ("Çay", "cay"), ("İstanbul", "istanbul"), ("ISTANBUL", "istanbul"), ("ısparta", "Isparta"),
        ("Straße", "strasse"), ("Crème Brûlée", "creme brulee"), ("Ağrı", "AGRI"), ("Müsli", "musli"),
    ])
    func searchKeysIgnoreCaseAndAccents(_ text: String, _ query: String) {
        #expect(SearchKey.make(text) == SearchKey.make(query))
        #expect(SearchKey.matches(query: query, in: "Produkt: \(text)!"))
    }

    @Test func searchKeysKeepDifferentLettersApart() {
        #expect(!SearchKey.matches(query: "tea", in: "Çay"))
        #expect(SearchKey.make("日本茶") == "日本茶")
        #expect(SearchKey.make("ブリュレ") != SearchKey.make("フリュレ"), "dakuten makes a different kana")
        #expect(SearchKey.make("हिंदी") == "हिंदी", "Devanagari vowel signs are letters, not accents")
        #expect(SearchKey.make("مُحَمَّد") == SearchKey.make("محمد"), "Arabic vowel marks are ignored")
    }
}
