import PasarCore
import PasarLocalization
import PasarMarkets
import PasarTestSupport
import Testing

let shippedMarkets = "\(Fixtures.repositoryRoot)/Locales/markets"

@Suite("The shipped market files")
struct ShippedMarketsTests {
    @Test func everyShippedFileValidates() {
        let result = MarketLoader.load(directory: shippedMarkets)
        #expect(result.issues.isEmpty, "\(result.issues.map(\.description))")
        #expect(result.markets.count >= 12)
    }

    @Test func theRequiredMarketsAreThere() throws {
        let snapshot = try MarketRegistry(directory: shippedMarkets).snapshot
        let expected: [(String, String, TaxPolicy.Mode)] = [
            ("us", "USD", .exclusive), ("gb", "GBP", .inclusive), ("de", "EUR", .inclusive), ("fr", "EUR", .inclusive),
            ("ch", "CHF", .inclusive), ("jp", "JPY", .inclusive), ("in", "INR", .inclusive), ("id", "IDR", .inclusive),
            ("tr", "TRY", .inclusive), ("ae", "AED", .inclusive), ("nz", "NZD", .inclusive),
        ]
        for (code, currency, mode) in expected {
            let market = try #require(snapshot.market(code: code), "\(code)")
            #expect(market.currency.code == currency)
            #expect(market.tax.mode == mode)
        }
        #expect(snapshot.markets.contains { if case .derived = $0.priceSource { true } else { false } })
        #expect(snapshot.markets.filter { $0.stores.contains(where: \.pickup) }.count >= 3)
        #expect(snapshot.market(country: "li")?.code == "ch")
    }

    @Test func languagesCoverTheCatalogTranslations() throws {
        let languages = Set(try MarketRegistry(directory: shippedMarkets).snapshot.markets.flatMap(\.languages).map(\.language))
        #expect(languages.isSuperset(of: ["en", "id", "tr", "de", "ja", "ar"]))
    }

    @Test func swissCashRoundsToFiveRappen() throws {
        let swiss = try #require(try MarketRegistry(directory: shippedMarkets).snapshot.market(code: "ch"))
        #expect(swiss.rounding.cashIncrementMinorUnits == 5)
        #expect(swiss.defaultLanguage.identifier == "de-CH")
        #expect(swiss.tax.rate(forClass: "standard", country: "LI")?.description == "8.1")
        let newZealand = try #require(try MarketRegistry(directory: shippedMarkets).snapshot.market(code: "nz"))
        #expect(newZealand.rounding.cashIncrementMinorUnits == 10)
    }

    @Test func baseFilesAreInherited() throws {
        let snapshot = try MarketRegistry(directory: shippedMarkets).snapshot
        let germany = try #require(snapshot.market(code: "de"))
        #expect(germany.tax.mode == .inclusive, "from _eu-base.yaml")
        #expect(germany.channels == ["web", "mobile", "pos", "marketplace", "support"], "from _eu-base.yaml")
        #expect(germany.tax.rates["reduced"]?.description == "7", "its own rates win")
        #expect(snapshot.market(code: "_eu-base") == nil, "a base is not a market")
    }

    @Test func derivedMarketsNameTheirSourceAndRate() throws {
        let sweden = try #require(try MarketRegistry(directory: shippedMarkets).snapshot.market(code: "se"))
        guard case .derived(let derivation) = sweden.priceSource else {
            Issue.record("se is not derived")
            return
        }
        #expect(derivation.sourceMarket == "de")
        #expect(derivation.rate.description == "11.48")
        #expect(derivation.ending == .whole)
    }
}
