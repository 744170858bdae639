public import FoundationEssentials

/// The part of a ship order that leaves one stock location: its lines, its own status and, once it
/// left, how to follow it. An order whose stock sits in one location has one shipment; a market
/// that allows split shipments gives each location its own.
///
/// ```swift
/// OrderShipment(number: 1, location: "leipzig-lager", status: .shipped, lineNumbers: [1, 3],
///     tracking: ShipmentTracking(carrier: "DHL", trackingNumber: "00340434161094042557", trackingURL: nil), shippedAt: now)
/// ```
public struct OrderShipment: Sendable, Equatable {
    public let number: Int64
    /// The stock location it leaves from.
    public let location: String
    public let status: ShipmentStatus
    /// The order lines it carries.
    public let lineNumbers: [Int]
    public let tracking: ShipmentTracking?
    public let shippedAt: Date?
    /// When it was delivered or cancelled.
    public let closedAt: Date?

    public init(
        number: Int64, location: String, status: ShipmentStatus, lineNumbers: [Int], tracking: ShipmentTracking? = nil, shippedAt: Date? = nil,
        closedAt: Date? = nil
    ) {
        self.number = number
        self.location = location
        self.status = status
        self.lineNumbers = lineNumbers
        self.tracking = tracking
        self.shippedAt = shippedAt
        self.closedAt = closedAt
    }
}

/// Where one shipment stands: `pending ──▶ shipped ──▶ delivered`, or `pending ──▶ cancelled`.
public enum ShipmentStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case shipped
    case delivered
    case cancelled

    /// The statuses reachable in one step.
    public var next: [ShipmentStatus] {
        switch self {
        case .pending: [.shipped, .cancelled]
        case .shipped: [.delivered]
        case .delivered, .cancelled: []
        }
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

/// Whether a market may send one order from several locations when no single one holds every line.
public enum ShipmentPolicy: String, Sendable, CaseIterable, Codable {
    /// The order waits for one location that has everything (out of stock otherwise).
    case singleLocationOnly = "single_location_only"
    /// Each line comes from the best location holding it; one shipment per location.
    case allowSplit = "allow_split"
}
