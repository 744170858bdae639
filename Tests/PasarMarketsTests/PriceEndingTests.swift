import PasarCore
import PasarMarkets
import Testing

private let eur = Currency(code: "EUR", minorUnitDigits: 2)
private let jpy = Currency(code: "JPY", minorUnitDigits: 0)
private let idr = Currency(code: "IDR", minorUnitDigits: 2)

@Suite("Price-ending rules")
struct PriceEndingTests {
    @Test(arguments: [
        (PriceEnding.none, "12.34", eur, "12.34"), (.ninetyNine, "12.34", eur, "12.99"), (.ninetyNine, "12.99", eur, "12.99"),
        (.ninetyNine, "13.00", eur, "13.99"), (.ninetyFive, "12.96", eur, "13.95"), (.ninety, "0.10", eur, "0.90"),
        (.whole, "12.01", eur, "13.00"), (.whole, "12.00", eur, "12.00"), (.ninetyNine, "1932", jpy, "1932"),
        (.nearest100, "1932", jpy, "1900"), (.nearest100, "1950", jpy, "2000"), (.nearest100, "30", jpy, "100"),
        (.nearest1000, "129450.00", idr, "129000.00"), (.nearest1000, "129500.00", idr, "130000.00"), (.nearest10, "14.99", eur, "10.00"),
    ])
    func appliesTheRule(_ ending: PriceEnding, _ amount: String, _ currency: Currency, _ expected: String) throws {
        #expect(try ending.apply(to: Money(parsing: amount, currency: currency)).decimalString == expected)
    }
}
