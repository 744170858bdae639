import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// Merchant order operations behind the admin key: move an order along its status machine
/// (`OrderStatusStep`), or one shipment of a ship order (the order follows its shipments).
struct OrderAdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/orders/:order/status", use: changeStatus)
        group.post("/orders/:order/shipments/:shipment/status", use: changeShipment)
    }

    struct StatusInput: Decodable {
        let status: String
        let note: String?
        /// With `shipped`: the parcel's carrier, tracking number and (optional) tracking page.
        let carrier: String?
        let trackingNumber: String?
        let trackingURL: String?

        enum CodingKeys: String, CodingKey {
            case status, note, carrier
            case trackingNumber = "tracking_number", trackingURL = "tracking_url"
        }

        /// The tracking given, checked: carrier and number together, only when shipping.
        func tracking(shipping: Bool) throws -> ShipmentTracking? {
            guard carrier != nil || trackingNumber != nil || trackingURL != nil else { return nil }
            guard shipping else { throw Problem.invalidField("carrier", "carrier and tracking belong to the shipped step") }
            guard let carrier = carrier?.trimmed, (1...64).contains(carrier.count) else { throw Problem.invalidField("carrier", "must be 1 to 64 characters") }
            guard let number = trackingNumber?.trimmed, (1...64).contains(number.count), !number.contains(where: \.isWhitespace) else {
                throw Problem.invalidField("tracking_number", "must be 1 to 64 characters without spaces")
            }
            if let url = trackingURL {
                guard url.count <= 500, let parsed = URL(string: url), ["https", "http"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                    throw Problem.invalidField("tracking_url", "must be an http or https URL")
                }
            }
            return ShipmentTracking(carrier: carrier, trackingNumber: number, trackingURL: trackingURL)
        }
    }

    @Sendable func changeStatus(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let id = try context.parameters.require("order")
        let input = try await request.decode(as: StatusInput.self, context: context)
        guard let target = OrderStatus(rawValue: input.status) else {
            throw Problem.invalidField("status", "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard target != .partiallyShipped else {
            throw Problem.invalidField("status", "partially_shipped follows from shipping one shipment: POST /v1/admin/orders/\(id)/shipments/{number}/status")
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        let tracking = try input.tracking(shipping: target == .shipped)
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        let pending = order.shipments.filter { $0.status == .pending }
        if tracking != nil, pending.count > 1 {
            throw Problem.invalidField(
                "tracking_number",
                "the order leaves in \(pending.count) shipments; give each its tracking at /v1/admin/orders/\(id)/shipments/{number}/status")
        }
        let updated = try await OrderStatusStep(services: services).run(
            order, to: target, note: input.note, actor: "admin", tracking: tracking, logger: context.logger)
        return try OrderView.reply(updated, markets: services.markets.snapshot)
    }

    /// One shipment's step (`shipped` with its tracking, `delivered`, `cancelled`); a cancelled
    /// shipment of a paid order is refunded through the order's provider.
    @Sendable func changeShipment(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let id = try context.parameters.require("order")
        let number = try context.parameters.require("shipment")
        let input = try await request.decode(as: StatusInput.self, context: context)
        let targets: [ShipmentStatus] = [.shipped, .delivered, .cancelled]
        guard let target = ShipmentStatus(rawValue: input.status), targets.contains(target) else {
            throw Problem.invalidField("status", "must be one of \(targets.map(\.rawValue).joined(separator: ", "))")
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        let tracking = try input.tracking(shipping: target == .shipped)
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        guard let shipment = Int64(number), order.shipments.contains(where: { $0.number == shipment }) else {
            throw Problem.notFound("shipment '\(number)' of order '\(id)'", field: "shipment")
        }
        var change = ShipmentStatusChangeRequest(orderID: id, shipment: shipment, target: target, actor: "admin", note: input.note, tracking: tracking)
        change.loyalty = services.markets.snapshot.market(code: order.market)?.loyalty
        let updated = try await services.orders.changeShipment(change)
        let refund = try updated.refunded.subtracting(order.refunded)
        if !refund.isZero, let provider = services.payments.provider(order.payment.provider) {
            let reference = try await provider.refund(order.payment, amount: refund, returnID: "shipment-\(shipment)")
            context.logger.info("cancelled shipment refunded", metadata: ["order.id": "\(id)", "refund.reference": "\(reference)"])
        }
        context.logger.info("shipment status changed", metadata: ["order.id": "\(id)", "shipment": "\(shipment)", "shipment.status": "\(target.rawValue)"])
        return try OrderView.reply(updated, markets: services.markets.snapshot)
    }
}
