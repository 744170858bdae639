/// An ISO 4217 currency with the precision CLDR gives it.
///
/// Values come from the localization layer (ICU/CLDR), never from a table in code:
/// `CHF` has 2 standard digits and a cash increment of 5 minor units (0.05),
/// `JPY` has 0 digits, `BHD` has 3.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// Upper-case ISO 4217 code, e.g. `EUR`.
    public let code: String
    /// Standard fraction digits; amounts are stored in units of 10^-`minorUnitDigits`.
    public let minorUnitDigits: Int
    /// Fraction digits used when paying cash (CLDR: SEK and IDR cash have 0).
    public let cashDigits: Int
    /// Smallest cash step in minor units (CHF: 5, SEK: 100, EUR: 1).
    public let cashIncrementMinorUnits: Int64

    public init(code: String, minorUnitDigits: Int, cashDigits: Int? = nil, cashIncrementMinorUnits: Int64? = nil) {
        precondition((0...6).contains(minorUnitDigits), "ISO 4217 currencies have 0 to 6 fraction digits")
        self.code = code
        self.minorUnitDigits = minorUnitDigits
        let cashDigits = min(cashDigits ?? minorUnitDigits, minorUnitDigits)
        self.cashDigits = cashDigits
        let digitStep = Self.powerOfTen(minorUnitDigits - cashDigits)
        // A cash increment finer than the cash digits allow is widened to one cash digit.
        self.cashIncrementMinorUnits = max(cashIncrementMinorUnits ?? digitStep, digitStep)
    }

    /// Minor units in one major unit (100 for EUR, 1 for JPY, 1000 for BHD).
    public var minorUnitsPerMajorUnit: Int64 { Self.powerOfTen(minorUnitDigits) }

    public var description: String { code }

    static func powerOfTen(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
