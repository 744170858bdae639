public import FoundationEssentials

/// An address a customer keeps for later checkouts: one default per kind, named at checkout by its
/// id instead of being typed again.
public struct SavedAddress: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case shipping
        case billing
    }

    public let id: String
    public let customerID: String
    public let kind: Kind
    public let isDefault: Bool
    public let address: ShippingAddress
    /// Where it is, as the client geocoded it (the nearest location ships).
    public let latitude: Double?
    public let longitude: Double?
    public let createdAt: Date

    public init(
        id: String, customerID: String, kind: Kind, isDefault: Bool, address: ShippingAddress, latitude: Double?, longitude: Double?, createdAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.kind = kind
        self.isDefault = isDefault
        self.address = address
        self.latitude = latitude
        self.longitude = longitude
        self.createdAt = createdAt
    }
}
