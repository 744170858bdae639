import PasarCore
import Testing

@Suite("Cart totals add up exactly")
struct CartCalculatorTests {
    let lines = [
        CartCalculator.Line(id: "a", quantity: 3, unitAmount: Money(minorUnits: 333, currency: eur), taxRate: ExactDecimal(significand: 19)),
        CartCalculator.Line(id: "b", quantity: 1, unitAmount: Money(minorUnits: 1001, currency: eur), taxRate: ExactDecimal(significand: 7)),
        CartCalculator.Line(id: "c", quantity: 2, unitAmount: Money(minorUnits: 1999, currency: eur), taxRate: ExactDecimal(significand: 19)),
    ]

    @Test(arguments: [CartCalculator.RoundingLevel.line, .total], [true, false])
    func everyFigureSums(_ level: CartCalculator.RoundingLevel, _ inclusive: Bool) throws {
        let shipping = CartCalculator.Line(id: "shipping", quantity: 1, unitAmount: Money(minorUnits: 495, currency: eur), taxRate: ExactDecimal(significand: 19))
        let totals = try CartCalculator.totals(
            lines: lines, currency: eur, discount: .percentage(ExactDecimal("15")), shipping: shipping,
            policy: .init(pricesIncludeTax: inclusive, level: level))
        let all = totals.lines + [totals.shipping!]
        #expect(totals.subtotal == (try money("59.98")))
        #expect(totals.discount == (try money("9.00")), "15 % of 59.98 = 8.997 → 9.00")
        #expect(try Money.sum(totals.lines.map(\.discount), currency: eur) == totals.discount)
        for line in all { #expect(try line.net.adding(line.tax) == line.gross) }
        #expect(try Money.sum(all.map(\.gross), currency: eur) == totals.total)
        #expect(try totals.net.adding(totals.tax) == totals.total)
        #expect(try Money.sum(totals.taxes.map(\.tax), currency: eur) == totals.tax)
        #expect(totals.taxes.map(\.rate.description) == ["7", "19"])
        // Inclusive: 59.98 − 9.00 + 4.95. Exclusive: the same plus 1.61 + 0.60 + 6.46 + 0.94 tax
        // (per line; per total the 19 % group's 42.47 gives 8.07 as well).
        #expect(totals.total.decimalString == (inclusive ? "55.93" : "65.54"))
        #expect(totals.lines.map(\.discount.decimalString) == ["1.50", "1.50", "6.00"])
    }

    @Test func fixedDiscountsAreCappedAtTheSubtotal() throws {
        let totals = try CartCalculator.totals(
            lines: [lines[0]], currency: eur, discount: .fixed(try money("50.00")), policy: .init(pricesIncludeTax: true))
        #expect(totals.discount == (try money("9.99")))
        #expect(totals.total.isZero)
    }

    @Test func mixedCurrenciesAreRefused() {
        let yen = CartCalculator.Line(id: "y", quantity: 1, unitAmount: Money(minorUnits: 100, currency: jpy), taxRate: ExactDecimal(significand: 10))
        #expect(throws: MoneyError.currencyMismatch("EUR", "JPY")) {
            try CartCalculator.totals(lines: [yen], currency: eur, policy: .init(pricesIncludeTax: true))
        }
    }
}
