import Foundation
import PasarCore
import PasarMarkets
import PasarStorage

/// The body of a webhook: the event as `GET /v1/events` shows it (with the customer message and
/// amounts raw and formatted) and, for order events, the order as `GET /v1/orders/{id}` shows it
/// now, with the event's place among its resource's events, so a receiver can order what arrives
/// out of order.
struct WebhookPayload: Encodable {
    /// `evt_<outbox sequence>`: also the `webhook-id`, the same on every attempt.
    let id: String
    let type: String
    let timestamp: String
    let resourceSequence: Int64
    let data: Data

    struct Data: Encodable {
        let event: EventView
        let order: OrderView?
    }

    enum CodingKeys: String, CodingKey {
        case id, type, timestamp, data
        case resourceSequence = "resource_sequence"
    }

    static func messageID(_ delivery: WebhookDelivery) -> String { "evt_\(delivery.eventSequence)" }

    /// The encoded body; nil when the event is no longer in the outbox.
    static func body(for delivery: WebhookDelivery, services: APIServices) async throws -> [UInt8]? {
        guard let event = try await services.orders.events(after: delivery.eventSequence - 1, limit: 1).first,
            event.sequence == delivery.eventSequence
        else { return nil }
        let market = services.markets.snapshot.market(code: event.market)
        var order: Order?
        if let orderID = event.orderID { order = try await services.orders.order(id: orderID) }
        let payload = WebhookPayload(
            id: messageID(delivery), type: event.kind.rawValue, timestamp: OrderView.timestamp(event.createdAt),
            resourceSequence: delivery.resourceSequence,
            data: Data(event: try EventView(event, market: market, messages: services.messages), order: try order.map { try OrderView($0, market: market) }))
        return Array(try JSONResponseEncoder.encode(payload))
    }
}
