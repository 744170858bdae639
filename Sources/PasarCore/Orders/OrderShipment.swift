public import FoundationEssentials

/// A parcel that left a location for the customer, with how to follow it.
///
/// ```swift
/// OrderShipment(number: 1, location: "leipzig-lager", carrier: "DHL", trackingNumber: "00340434161094042557",
///     trackingURL: "https://www.dhl.de/…", shippedAt: now)
/// ```
public struct OrderShipment: Sendable, Equatable {
    public let number: Int64
    /// The stock location it left from.
    public let location: String
    public let carrier: String
    public let trackingNumber: String
    public let trackingURL: String?
    public let shippedAt: Date

    public init(number: Int64, location: String, carrier: String, trackingNumber: String, trackingURL: String?, shippedAt: Date) {
        self.number = number
        self.location = location
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
        self.shippedAt = shippedAt
    }
}

/// How a parcel is followed, as the merchant enters it when shipping.
public struct ShipmentTracking: Sendable, Equatable {
    public let carrier: String
    public let trackingNumber: String
    public let trackingURL: String?

    public init(carrier: String, trackingNumber: String, trackingURL: String?) {
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
    }
}
