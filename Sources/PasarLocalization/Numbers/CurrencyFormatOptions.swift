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

    public init(usage: Usage = .standard, display: Display = .symbol, rounding: RoundingMode = .halfEven) {
        self.usage = usage
        self.display = display
        self.rounding = rounding
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
        let precision = usage == .cash ? "precision-currency-cash" : "precision-currency-standard"
        return "currency/\(currencyCode) \(width) \(precision) rounding-mode-\(rounding.rawValue)"
    }
}
