/// How one order reaches its customer.
public enum OrderFulfilment: Sendable, Equatable, Codable {
    /// Shipped to `address` with the market's shipping method `method`.
    case ship(method: String, address: ShippingAddress)
    /// Click & collect at the market's store `store`, which gives the stock.
    case collect(store: String)

    public var kind: FulfilmentKind {
        switch self {
        case .ship: .ship
        case .collect: .collect
        }
    }
}

/// A delivery address as the customer wrote it; `country` is an ISO 3166-1 alpha-2 code of the market.
public struct ShippingAddress: Sendable, Equatable, Codable {
    public let name: String
    public let line1: String
    public let line2: String?
    public let postalCode: String
    public let city: String
    public let country: String

    public init(name: String, line1: String, line2: String?, postalCode: String, city: String, country: String) {
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.postalCode = postalCode
        self.city = city
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case name, line1, line2, city, country
        case postalCode = "postal_code"
    }
}
