import PasarCore
import Testing

let eur = Currency(code: "EUR", minorUnitDigits: 2)
let jpy = Currency(code: "JPY", minorUnitDigits: 0)
let bhd = Currency(code: "BHD", minorUnitDigits: 3)
let chf = Currency(code: "CHF", minorUnitDigits: 2, cashIncrementMinorUnits: 5)
let sek = Currency(code: "SEK", minorUnitDigits: 2, cashDigits: 0)

func money(_ text: String, _ currency: Currency = eur) throws -> Money { try Money(parsing: text, currency: currency) }

@Suite("Money: parsing and printing")
struct MoneyParsingTests {
    @Test(arguments: [
        ("1234.50", eur, 123_450 as Int64, "1234.50"), ("1234.5", eur, 123_450, "1234.50"), ("-0.05", eur, -5, "-0.05"),
        ("0", eur, 0, "0.00"), ("1234", jpy, 1234, "1234"), ("1.005", bhd, 1005, "1.005"), ("+7", eur, 700, "7.00"),
        ("92233720368547758.07", eur, .max, "92233720368547758.07"),
    ])
    func parses(_ text: String, _ currency: Currency, _ minorUnits: Int64, _ printed: String) throws {
        let amount = try Money(parsing: text, currency: currency)
        #expect(amount.minorUnits == minorUnits)
        #expect(amount.decimalString == printed)
    }

    @Test func refusesMoreDigitsThanTheCurrencyHas() {
        #expect(throws: MoneyError.tooManyFractionDigits("1.234", currency: "EUR", allowed: 2)) { try money("1.234") }
        #expect(throws: MoneyError.tooManyFractionDigits("0.5", currency: "JPY", allowed: 0)) { try money("0.5", jpy) }
    }

    @Test(arguments: ["", "1,50", "1.", ".5", "1e3", "abc", "--1", "1 000", "١٢"])
    func refusesMalformedText(_ text: String) {
        #expect(throws: MoneyError.invalidAmount(text)) { try money(text) }
    }

    @Test func refusesAmountsBeyondRange() {
        #expect(throws: MoneyError.overflow) { try money("92233720368547758.08") }
    }
}

@Suite("Money: arithmetic")
struct MoneyArithmeticTests {
    @Test func addsAndMultiplies() throws {
        #expect(try money("19.99").multiplied(by: 3).adding(money("0.03")) == money("60.00"))
        #expect(try money("10").subtracting(money("10.01")) == money("-0.01"))
        #expect(try Money.sum([money("0.10"), money("0.20")], currency: eur) == money("0.30"))
    }

    @Test func refusesMixedCurrencies() {
        #expect(throws: MoneyError.currencyMismatch("EUR", "JPY")) { try money("1").adding(money("1", jpy)) }
    }

    @Test func reportsOverflowInsteadOfTrapping() {
        let big = Money(minorUnits: .max, currency: eur)
        #expect(throws: MoneyError.overflow) { try big.adding(money("0.01")) }
        #expect(throws: MoneyError.overflow) { try big.multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money(minorUnits: .min, currency: eur).negated() }
    }

    @Test(arguments: [
        ("0.125", RoundingMode.halfEven, "0.12"), ("0.135", .halfEven, "0.14"), ("0.125", .halfUp, "0.13"),
        ("-0.125", .halfUp, "-0.13"), ("-0.125", .halfEven, "-0.12"), ("0.125", .halfDown, "0.12"),
        ("0.121", .up, "0.13"), ("0.129", .down, "0.12"), ("-0.121", .floor, "-0.13"), ("-0.129", .ceiling, "-0.12"),
    ])
    func roundsOnceInTheGivenMode(_ exact: String, _ mode: RoundingMode, _ expected: String) throws {
        // exact × 1000 thousandths ÷ 1000 puts the exact value at the rounding point.
        let thousandths = try ExactDecimal(exact).significand
        let result = try Money(minorUnits: thousandths, currency: eur).scaled(by: 1, over: 10, rounding: mode)
        #expect(result == (try money(expected)))
    }

    @Test func computesTax() throws {
        #expect(try money("100.00").percentage(ExactDecimal("19")) == money("19.00"))
        #expect(try money("119.00").includedTax(at: ExactDecimal("19")) == money("19.00"))
        #expect(try money("10.00").percentage(ExactDecimal("8.1")) == money("0.81"))
        #expect(try money("0.05").percentage(ExactDecimal("50")) == money("0.02"), "0.025 rounds half-even to 0.02")
        #expect(try money("0.05").percentage(ExactDecimal("50"), rounding: .halfUp) == money("0.03"))
        #expect(try money("1000", jpy).includedTax(at: ExactDecimal("10")) == money("91", jpy))
    }

    @Test func convertsBetweenCurrencies() throws {
        #expect(try money("10.00").converted(to: jpy, rate: ExactDecimal("161.235")) == money("1612", jpy))
        #expect(try money("1612", jpy).converted(to: eur, rate: ExactDecimal("0.0062")) == money("9.99"))
        #expect(try money("1.000", bhd).converted(to: eur, rate: ExactDecimal("2.445")) == money("2.44"))
    }
}

@Suite("Money: allocation and cash rounding")
struct MoneyAllocationTests {
    @Test func splitsPreservingTheSum() throws {
        #expect(try money("100.00").split(into: 3) == [money("33.34"), money("33.33"), money("33.33")])
        #expect(try money("-100.00").split(into: 3) == [money("-33.34"), money("-33.33"), money("-33.33")])
        #expect(try money("0.02").split(into: 3) == [money("0.01"), money("0.01"), money("0")])
    }

    @Test func allocatesByWeights() throws {
        let shares = try money("10.00").allocate(weights: [1999, 4999, 999])
        #expect(try Money.sum(shares, currency: eur) == money("10.00"))
        #expect(shares == [try money("2.50"), try money("6.25"), try money("1.25")])
        #expect(try money("5", jpy).allocate(weights: [1, 1]) == [money("3", jpy), money("2", jpy)])
    }

    @Test(arguments: [1, 2, 3, 7, 10, 97])
    func sharesAlwaysSumExactly(_ parts: Int) throws {
        for cents in [1 as Int64, 99, 1001, 123_457] {
            let amount = Money(minorUnits: cents, currency: eur)
            #expect(try Money.sum(amount.split(into: parts), currency: eur) == amount)
        }
    }

    @Test func refusesBadWeights() {
        #expect(throws: MoneyError.self) { try money("1").allocate(weights: []) }
        #expect(throws: MoneyError.self) { try money("1").allocate(weights: [0, 0]) }
        #expect(throws: MoneyError.self) { try money("1").allocate(weights: [-1, 2]) }
        #expect(throws: MoneyError.self) { try money("1").split(into: 0) }
    }

    @Test func roundsForCash() throws {
        let swiss = try money("10.03", chf).roundedForCash()
        #expect(swiss.rounded == (try money("10.05", chf)))
        #expect(swiss.adjustment == (try money("0.02", chf)))
        #expect(try money("10.02", chf).roundedForCash().rounded == money("10.00", chf))
        #expect(try money("10.50", sek).roundedForCash().rounded == money("10.00", sek), "half-even tie to 10")
        #expect(try money("11.50", sek).roundedForCash().rounded == money("12.00", sek))
        #expect(try money("-10.03", chf).roundedForCash().adjustment == money("-0.02", chf))
        #expect(try money("10.01").roundedForCash().adjustment.isZero)
    }
}

@Suite("Exact decimals")
struct ExactDecimalTests {
    @Test(arguments: [("8.1", "8.1"), ("19", "19"), ("-0.25", "-0.25"), ("0.0062", "0.0062"), ("007.50", "7.5"), ("19.000", "19")])
    func roundTrips(_ text: String, _ printed: String) throws {
        #expect(try ExactDecimal(text).description == printed)
    }

    @Test func checksRanges() throws {
        #expect(try ExactDecimal("100").isWithin(0, 100))
        #expect(try !ExactDecimal("100.01").isWithin(0, 100))
        #expect(try !ExactDecimal("-0.1").isWithin(0, 100))
    }
}
