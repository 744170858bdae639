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
}
