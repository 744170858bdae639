/// An exact decimal number for rates, percentages and exchange rates: `significand × 10^-scale`.
///
/// ```swift
/// let vat = try ExactDecimal("8.1")   // significand 81, scale 1
/// try price.percentage(vat)            // 8.1 % of price
/// ```
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let significand: Int64
    public let scale: Int

    public init(significand: Int64, scale: Int = 0) {
        precondition((0...18).contains(scale), "scale must be 0...18")
        self.significand = significand
        self.scale = scale
    }

    /// Parses `"19"`, `"7.7"`, `"-0.25"`, `"1.08451"`; no exponent, no grouping.
    public init(_ text: String) throws(MoneyError) {
        let parsed = try DecimalText(text)
        // Trailing fraction zeros are dropped so equal numbers are equal values ("7.70" is "7.7").
        var fraction = Substring(parsed.fraction)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= 18 else { throw .invalidAmount(text) }
        guard let value = Int64(parsed.sign + parsed.integer + fraction) else { throw .overflow }
        self.init(significand: value, scale: fraction.count)
    }

    public var description: String {
        guard scale > 0 else { return String(significand) }
        let magnitude = String(significand.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (significand < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    public var isNegative: Bool { significand < 0 }

    /// True when the value lies within `lower...upper` (whole numbers).
    public func isWithin(_ lower: Int64, _ upper: Int64) -> Bool {
        let factor = Int128(Currency.powerOfTen(scale))
        let value = Int128(significand)
        return value >= Int128(lower) * factor && value <= Int128(upper) * factor
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        // Scale both to 18 digits; 128 bits hold any Int64 significand times 10^18.
        Int128(lhs.significand) * Int128(Currency.powerOfTen(18 - lhs.scale))
            < Int128(rhs.significand) * Int128(Currency.powerOfTen(18 - rhs.scale))
    }

    /// 100 expressed at `scale`, the denominator of a percentage.
    static func hundred(scale: Int) throws(MoneyError) -> Int64 {
        let (value, overflow) = Int64(100).multipliedReportingOverflow(by: Currency.powerOfTen(scale))
        if overflow { throw .overflow }
        return value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
