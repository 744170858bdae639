extension Money {
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The price of `quantity` units.
    public func multiplied(by quantity: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: quantity)
        if overflow { throw .overflow }
        return Money(minorUnits: product, currency: currency)
    }

    public func negated() throws(MoneyError) -> Money {
        if minorUnits == .min { throw .overflow }
        return Money(minorUnits: -minorUnits, currency: currency)
    }

    /// Sums amounts of one currency; an empty list sums to zero in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// `self × numerator ÷ denominator`, computed exactly in 128 bits and rounded once.
    public func scaled(by numerator: Int64, over denominator: Int64, rounding: RoundingMode = .halfEven) throws(MoneyError) -> Money {
        guard denominator != 0 else { throw .invalidArgument("division by zero") }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let exact = Int128(minorUnits) * Int128(numerator) * sign
        return try Money(exactMinorUnits: rounding.divide(exact, by: Int128(denominator) * sign), currency: currency)
    }

    /// `rate` percent of this amount: 19 % of 100.00 is 19.00.
    public func percentage(_ rate: ExactDecimal, rounding: RoundingMode = .halfEven) throws(MoneyError) -> Money {
        try scaled(by: rate.significand, over: try ExactDecimal.hundred(scale: rate.scale), rounding: rounding)
    }

    /// The tax contained in a tax-inclusive amount: 119.00 at 19 % contains 19.00.
    public func includedTax(at rate: ExactDecimal, rounding: RoundingMode = .halfEven) throws(MoneyError) -> Money {
        let hundred = try ExactDecimal.hundred(scale: rate.scale)
        let (denominator, overflow) = hundred.addingReportingOverflow(rate.significand)
        if overflow || denominator <= 0 { throw .invalidArgument("tax rate must be above -100 %") }
        return try scaled(by: rate.significand, over: denominator, rounding: rounding)
    }

    /// Converts into `target` through `rate` (units of `target` per unit of this currency), rounding once.
    public func converted(to target: Currency, rate: ExactDecimal, rounding: RoundingMode = .halfEven) throws(MoneyError) -> Money {
        // minor(target) = minor(self) × rate × 10^(target digits − source digits)
        let digitShift = target.minorUnitDigits - currency.minorUnitDigits
        var numerator = Int128(minorUnits) * Int128(rate.significand)
        var denominator = Int128(Currency.powerOfTen(rate.scale))
        if digitShift >= 0 {
            numerator *= Int128(Currency.powerOfTen(digitShift))
        } else {
            denominator *= Int128(Currency.powerOfTen(-digitShift))
        }
        return try Money(exactMinorUnits: rounding.divide(numerator, by: denominator), currency: target)
    }

    init(exactMinorUnits value: Int128, currency: Currency) throws(MoneyError) {
        guard let units = Int64(exactly: value) else { throw .overflow }
        self.init(minorUnits: units, currency: currency)
    }

    func requireSameCurrency(_ other: Money) throws(MoneyError) {
        if other.currency.code != currency.code { throw .currencyMismatch(currency.code, other.currency.code) }
    }
}
