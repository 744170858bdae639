import PasarCore
import PasarLocalization
import PasarMarkets
import Testing

private let eur = Currency(code: "EUR", minorUnitDigits: 2)
private let jpy = Currency(code: "JPY", minorUnitDigits: 0)
private let idr = Currency(code: "IDR", minorUnitDigits: 2)
private let bhd = Currency(code: "BHD", minorUnitDigits: 3)

@Suite("Price-ending rules")
struct PriceEndingTests {
    @Test(arguments: [
        (PriceEnding.none, "12.34", eur, "12.34"), (.ninetyNine, "12.34", eur, "12.99"), (.ninetyNine, "12.99", eur, "12.99"),
        (.ninetyNine, "13.00", eur, "13.99"), (.ninetyNine, "0.01", eur, "0.99"), (.ninetyFive, "12.96", eur, "13.95"),
        (.ninetyFive, "12.95", eur, "12.95"), (.ninety, "0.10", eur, "0.90"), (.whole, "12.01", eur, "13.00"),
        (.whole, "12.00", eur, "12.00"), (.nearest10, "14.99", eur, "10.00"), (.nearest10, "15.00", eur, "20.00"),
        // JPY has no minor units: .99 and .95 fall back to whole yen; rounding to 100 yen.
        (.ninetyNine, "1932", jpy, "1932"), (.ninetyFive, "1932", jpy, "1932"), (.whole, "1932", jpy, "1932"),
        (.nearest100, "1932", jpy, "1900"), (.nearest100, "1950", jpy, "2000"), (.nearest100, "30", jpy, "100"),
        (.nearest1000, "1499", jpy, "1000"),
        // IDR: CLDR gives 2 digits, but prices are whole and end in hundreds or thousands of rupiah.
        (.whole, "129449.50", idr, "129450.00"), (.nearest100, "129449.00", idr, "129400.00"),
        (.nearest100, "129450.00", idr, "129500.00"), (.nearest1000, "129450.00", idr, "129000.00"),
        (.nearest1000, "129500.00", idr, "130000.00"), (.nearest1000, "0.00", idr, "0.00"),
        // Three-digit currencies keep their precision.
        (.ninetyNine, "1.234", bhd, "1.990"), (.whole, "1.001", bhd, "2.000"),
    ])
    func appliesTheRule(_ ending: PriceEnding, _ amount: String, _ currency: Currency, _ expected: String) throws {
        #expect(try ending.apply(to: Money(parsing: amount, currency: currency)).decimalString == expected)
    }

    @Test(arguments: PriceEnding.allCases)
    func keepsTheCurrencyAndNeverLowersAPriceToZero(_ ending: PriceEnding) throws {
        for currency in [eur, jpy, idr] {
            let price = try Money(parsing: "1", currency: currency)
            let result = try ending.apply(to: price)
            #expect(result.currency == currency)
            #expect(result.minorUnits > 0)
        }
    }

    @Test func theFileSpellingsAreTheRawValues() {
        #expect(PriceEnding.allCases.map(\.rawValue) == ["none", ".99", ".95", ".90", "whole", "nearest-10", "nearest-100", "nearest-1000"])
    }

    @Test func catalogCurrenciesComeFromCLDR() throws {
        #expect(try CurrencyCatalog.currency("IDR").minorUnitDigits == idr.minorUnitDigits)
        #expect(try CurrencyCatalog.currency("JPY").minorUnitDigits == jpy.minorUnitDigits)
    }
}
