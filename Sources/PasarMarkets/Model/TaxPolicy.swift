public import PasarCore

/// A market's tax: whether list prices include it and the rate of each tax class.
public struct TaxPolicy: Sendable, Hashable {
    /// `inclusive`: list prices contain tax (VAT, GST); `exclusive`: tax is added at checkout (US sales tax).
    public enum Mode: String, Sendable, CaseIterable { case inclusive, exclusive }

    public let mode: Mode
    /// Percent per tax class: `standard` → 19, `reduced` → 7.
    public let rates: [String: ExactDecimal]
    /// Country-specific rates inside the market (country → class → percent).
    public let countryOverrides: [String: [String: ExactDecimal]]

    /// The rate for a tax class, using the country's override when there is one.
    public func rate(forClass taxClass: String, country: String?) -> ExactDecimal? {
        if let country, let override = countryOverrides[country]?[taxClass] { return override }
        return rates[taxClass]
    }
}
