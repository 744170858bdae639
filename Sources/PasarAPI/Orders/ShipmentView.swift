import PasarCore

/// A parcel of an order: where it left from, the carrier and how to follow it.
struct ShipmentView: Encodable {
    let number: Int64
    let location: String
    let carrier: String
    let trackingNumber: String
    let trackingURL: String?
    let shippedAt: String

    enum CodingKeys: String, CodingKey {
        case number, location, carrier
        case trackingNumber = "tracking_number", trackingURL = "tracking_url", shippedAt = "shipped_at"
    }

    init(_ shipment: OrderShipment) {
        number = shipment.number
        location = shipment.location
        carrier = shipment.carrier
        trackingNumber = shipment.trackingNumber
        trackingURL = shipment.trackingURL
        shippedAt = OrderView.timestamp(shipment.shippedAt)
    }
}
