/// An order's totals as charged: `total == Σ line gross + shipping gross`, to the minor unit.
public struct OrderTotals: Sendable, Equatable, Codable {
    public let subtotal: Money
    public let discount: Money
    public let shipping: Money
    public let tax: Money
    public let total: Money
    /// Tax per rate, for invoices.
    public let taxes: [OrderTaxLine]
    /// Keys `subtotal`, `discount`, `shipping`, `tax`, `total`: the strings shown at checkout.
    public let formatted: [String: String]

    public init(subtotal: Money, discount: Money, shipping: Money, tax: Money, total: Money, taxes: [OrderTaxLine], formatted: [String: String]) {
        self.subtotal = subtotal
        self.discount = discount
        self.shipping = shipping
        self.tax = tax
        self.total = total
        self.taxes = taxes
        self.formatted = formatted
    }
}

/// Tax collected at one rate.
public struct OrderTaxLine: Sendable, Equatable, Codable {
    public let rate: ExactDecimal
    public let net: Money
    public let tax: Money
    /// Keys `net`, `tax`.
    public let formatted: [String: String]

    public init(rate: ExactDecimal, net: Money, tax: Money, formatted: [String: String]) {
        self.rate = rate
        self.net = net
        self.tax = tax
        self.formatted = formatted
    }
}

/// Money in snapshots: minor units and the currency code with its digits, so it reads back exactly.
extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case minorUnits = "minor"
        case currency
        case digits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = Currency(
            code: try container.decode(String.self, forKey: .currency), minorUnitDigits: try container.decode(Int.self, forKey: .digits))
        self.init(minorUnits: try container.decode(Int64.self, forKey: .minorUnits), currency: currency)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minorUnits, forKey: .minorUnits)
        try container.encode(currency.code, forKey: .currency)
        try container.encode(currency.minorUnitDigits, forKey: .digits)
    }
}
