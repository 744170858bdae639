public import PasarCore

/// A physical store of a market: a stock location, a POS site and, when `pickup`, a click & collect point.
public struct Store: Sendable, Hashable {
    public let id: String
    public let name: String
    public let address: String
    public let country: String
    public let openingHours: String
    public let pickup: Bool
    public let latitude: ExactDecimal?
    public let longitude: ExactDecimal?
    /// Whether ship orders may draw from its stock (default true).
    public let ships: Bool
    /// Postal-code prefixes it ships to first when an address has no coordinates (`["12", "13"]`).
    public let postalCodes: [String]
}
