import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// Merchant order operations behind the admin key: move an order along its status machine
/// (`OrderStatusStep`).
struct OrderAdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/orders/:order/status", use: changeStatus)
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
        func tracking(for target: OrderStatus) throws -> ShipmentTracking? {
            guard carrier != nil || trackingNumber != nil || trackingURL != nil else { return nil }
            guard target == .shipped else { throw Problem.invalidField("carrier", "carrier and tracking belong to the shipped step") }
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
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        let tracking = try input.tracking(for: target)
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        let updated = try await OrderStatusStep(services: services).run(
            order, to: target, note: input.note, actor: "admin", tracking: tracking, logger: context.logger)
        return try OrderView.reply(updated, markets: services.markets.snapshot)
    }
}
