public import PasarCore

/// A way to ship in a market, with localized names and a price (free above a threshold when set).
public struct ShippingMethod: Sendable, Hashable {
    public let id: String
    public let names: [String: String]
    public let price: Money
    public let freeOver: Money?
    /// Delivery estimate in days (lower, upper).
    public let days: ClosedRange<Int>?
}
