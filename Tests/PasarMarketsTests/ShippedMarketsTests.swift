import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarTestSupport
import Testing


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

/// The shipped files, each checked on its own so a failure names its file.
private let shippedFiles: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: shippedMarkets)) ?? []
    return files.filter { $0.hasSuffix(".yaml") }.sorted()
}()

@Suite("Each shipped market file")
struct ShippedMarketFileTests {
    static let result = MarketLoader.load(directory: shippedMarkets)

    @Test(arguments: shippedFiles)
    func validates(_ file: String) {
        #expect(Self.result.issues.filter { $0.file == file }.isEmpty)
        if !file.hasPrefix("_"), file != "rates.yaml" {
            #expect(Self.result.markets.contains { $0.file == file }, "\(file) is served")
        }
    }

    @Test(arguments: Self.result.markets.map(\.code))
    func formatsAnExamplePriceInEachLanguage(_ code: String) throws {
        let market = try #require(Self.result.markets.first { $0.code == code })
        let price = try Money(parsing: "1234", currency: market.currency)
        for language in market.languages {
            let text = try NumberFormatting.shared.money(price, locale: language)
            #expect(!text.isEmpty)
        }
        #expect(!market.name(in: market.defaultLanguage).isEmpty)
        #expect(market.tax.rate(forClass: "standard", country: nil) != nil, "every market has a standard rate")
        #expect(market.shippingMethods.allSatisfy { $0.price.currency == market.currency })
    }

    @Test func roundingDefaultsComeFromCLDR() throws {
        let snapshot = try MarketRegistry(directory: shippedMarkets).snapshot
        let japan = try #require(snapshot.market(code: "jp"))
        #expect(japan.rounding.displayDigits == 0 && japan.rounding.mode == .halfEven && japan.rounding.level == .total)
        let indonesia = try #require(snapshot.market(code: "id"))
        #expect(indonesia.currency.minorUnitDigits == 2 && indonesia.rounding.displayDigits == 0, "the file shows whole rupiah")
        let germany = try #require(snapshot.market(code: "de"))
        #expect(germany.rounding.cashIncrementMinorUnits == germany.currency.cashIncrementMinorUnits)
    }

    @Test func countryOverridesApplyInsideAMarket() throws {
        let unitedStates = try #require(try MarketRegistry(directory: shippedMarkets).snapshot.market(code: "us"))
        #expect(unitedStates.tax.rate(forClass: "standard", country: "US")?.description == "8.875")
        #expect(unitedStates.tax.rate(forClass: "standard", country: "PR")?.description == "11.5")
        #expect(unitedStates.tax.rate(forClass: "zero", country: "PR")?.description == "0", "classes without an override use the market's")
        #expect(unitedStates.tax.rate(forClass: "luxury", country: "PR") == nil)
    }
}
