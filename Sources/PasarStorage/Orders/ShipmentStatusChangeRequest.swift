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
    /// The order's market's loyalty rule: a cancelled shipment's refund reverses earned points by
    /// it, and cancelling the last one gives back the points the order redeemed.
    public var loyalty: LoyaltyProgram?

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
