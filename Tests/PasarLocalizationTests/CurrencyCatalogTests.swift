import PasarLocalization
import PasarTestSupport
import Testing

struct CurrencyMetadataCase: Decodable, Sendable, CustomTestStringConvertible {
    let code: String
    let digits: Int
    let cashDigits: Int
    let cashIncrement: Int64
    var testDescription: String { code }
}

@Suite("Currency metadata from CLDR")
struct CurrencyCatalogTests {
    @Test(arguments: Fixtures.decode([CurrencyMetadataCase].self, from: "formatting/currencies.json"))
    func precisionComesFromCLDR(_ fixture: CurrencyMetadataCase) throws {
        let currency = try CurrencyCatalog.currency(fixture.code)
        #expect(currency.code == fixture.code.uppercased())
        #expect(currency.minorUnitDigits == fixture.digits)
        #expect(currency.cashDigits == fixture.cashDigits)
        #expect(currency.cashIncrementMinorUnits == fixture.cashIncrement)
    }

    @Test func knowsTheISOList() {
        #expect(CurrencyCatalog.isoCodes.count > 150)
        #expect(CurrencyCatalog.isKnown("EUR"))
        #expect(CurrencyCatalog.isKnown("eur"))
        #expect(!CurrencyCatalog.isKnown("ZZZ"))
        #expect(!CurrencyCatalog.isKnown("DEM"), "deprecated currencies are not in use")
    }

    @Test func unknownCodesThrow() {
        #expect(throws: LocalizationError.unknownCurrency("ZZZ")) { try CurrencyCatalog.currency("ZZZ") }
    }
}
