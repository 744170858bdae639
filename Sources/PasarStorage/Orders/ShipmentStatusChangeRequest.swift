public import FoundationEssentials
public import PasarCore

/// A step of one shipment of an order, asked for by `actor`.
public struct ShipmentStatusChangeRequest: Sendable {
    public let orderID: String
    public let shipment: Int64
    public let target: ShipmentStatus
    public let actor: String
    public let note: String?
    /// The parcel's carrier and tracking number, when shipping.
    public let tracking: ShipmentTracking?
    public let now: Date

    public init(
        orderID: String, shipment: Int64, target: ShipmentStatus, actor: String, note: String?, tracking: ShipmentTracking? = nil, now: Date = Date()
    ) {
        self.orderID = orderID
        self.shipment = shipment
        self.target = target
        self.actor = actor
        self.note = note
        self.tracking = tracking
        self.now = now
    }
}
