public import PasarCore

/// How a currency amount is shown.
public struct CurrencyFormatOptions: Hashable, Sendable {
    /// Standard precision, or cash precision and increments (CHF cash rounds to 0.05).
    public enum Usage: String, Sendable, CaseIterable { case standard, cash }
    /// How the currency itself is written.
    public enum Display: String, Sendable, CaseIterable {
        /// `CHF`, `€`, `US$` as the locale writes it.
        case symbol
        /// The shortest local symbol: `$`, `₹`.
        case narrowSymbol = "narrow"
        /// The ISO code: `EUR 1,234.50`.
        case isoCode = "iso"
        /// The plural-aware name: `1,234.50 euros`.
        case name
    }

    public var usage: Usage
    public var display: Display
    public var rounding: RoundingMode
    /// Fraction digits to show instead of the currency's (a market showing whole rupiah sets 0).
    public var fractionDigits: Int?

    public init(usage: Usage = .standard, display: Display = .symbol, rounding: RoundingMode = .halfEven, fractionDigits: Int? = nil) {
        self.usage = usage
        self.display = display
        self.rounding = rounding
        self.fractionDigits = fractionDigits.map { min(max($0, 0), 6) }
    }

    public static let standard = CurrencyFormatOptions()
    public static let cash = CurrencyFormatOptions(usage: .cash)

    /// The ICU number skeleton for `currencyCode` with these options.
    func skeleton(currencyCode: String) -> String {
        let width =
            switch display {
            case .symbol: "unit-width-short"
            case .narrowSymbol: "unit-width-narrow"
            case .isoCode: "unit-width-iso-code"
            case .name: "unit-width-full-name"
            }
        let precision =
            if let fractionDigits {
                fractionDigits == 0 ? "precision-integer" : "." + String(repeating: "0", count: fractionDigits)
            } else {
                usage == .cash ? "precision-currency-cash" : "precision-currency-standard"
            }
        return "currency/\(currencyCode) \(width) \(precision) rounding-mode-\(rounding.rawValue)"
    }
}
