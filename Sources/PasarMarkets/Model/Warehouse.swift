public import PasarCore

/// A stock location of a market that is not a shop: ships orders, never serves customers in person.
///
/// ```yaml
/// warehouses:
///   - id: leipzig-lager
///     name: Pasar Lager Leipzig
///     country: DE
/// ```
public struct Warehouse: Sendable, Hashable {
    public let id: String
    public let name: String
    public let address: String
    public let country: String
    public let latitude: ExactDecimal?
    public let longitude: ExactDecimal?
    /// Whether ship orders may draw from its stock (default true).
    public let ships: Bool
    /// Postal-code prefixes it ships to first when an address has no coordinates.
    public let postalCodes: [String]
}
