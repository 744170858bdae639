import PasarCore

/// A shipment of an order: where it leaves from, which lines it carries, where it stands and,
/// once it left, the carrier and how to follow it.
struct ShipmentView: Encodable {
    let number: Int64
    let location: String
    let status: String
    let nextStatuses: [String]
    let lines: [Int]
    let carrier: String?
    let trackingNumber: String?
    let trackingURL: String?
    let shippedAt: String?
    let deliveredAt: String?
    let cancelledAt: String?

    enum CodingKeys: String, CodingKey {
        case number, location, status, lines, carrier
        case nextStatuses = "next_statuses"
        case trackingNumber = "tracking_number", trackingURL = "tracking_url", shippedAt = "shipped_at"
        case deliveredAt = "delivered_at", cancelledAt = "cancelled_at"
    }

    init(_ shipment: OrderShipment) {
        number = shipment.number
        location = shipment.location
        status = shipment.status.rawValue
        nextStatuses = shipment.status.next.map(\.rawValue)
        lines = shipment.lineNumbers
        carrier = shipment.tracking?.carrier
        trackingNumber = shipment.tracking?.trackingNumber
        trackingURL = shipment.tracking?.trackingURL
        shippedAt = shipment.shippedAt.map(OrderView.timestamp)
        deliveredAt = shipment.status == .delivered ? shipment.closedAt.map(OrderView.timestamp) : nil
        cancelledAt = shipment.status == .cancelled ? shipment.closedAt.map(OrderView.timestamp) : nil
    }
}
