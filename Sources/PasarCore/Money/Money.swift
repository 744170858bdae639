/// An exact amount of one currency, stored as integer minor units.
///
/// ```swift
/// let chf = Currency(code: "CHF", minorUnitDigits: 2, cashIncrementMinorUnits: 5)
/// let price = try Money(parsing: "1234.50", currency: chf)   // 123450 minor units
/// let total = try price.multiplied(by: 3)                     // 3703.50 CHF
/// total.decimalString                                         // "3703.50"
/// ```
///
/// Arithmetic is overflow-checked and refuses to mix currencies; nothing traps on user input.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in units of 10^-`currency.minorUnitDigits` (cents for EUR, yen for JPY).
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }

    /// The plain decimal amount with exactly the currency's digits: `"1234.50"`, `"-0.05"`, `"1234"` (JPY).
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(magnitude) }
        let divisor = UInt64(currency.minorUnitsPerMajorUnit)
        let fraction = String(magnitude % divisor)
        let padding = String(repeating: "0", count: digits - fraction.count)
        return "\(sign)\(magnitude / divisor).\(padding)\(fraction)"
    }

    public var description: String { "\(decimalString) \(currency.code)" }
}
