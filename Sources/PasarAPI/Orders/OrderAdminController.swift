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
    }

    @Sendable func changeStatus(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let id = try context.parameters.require("order")
        let input = try await request.decode(as: StatusInput.self, context: context)
        guard let target = OrderStatus(rawValue: input.status) else {
            throw Problem.invalidField("status", "must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let note = input.note, note.count > 500 { throw Problem.invalidField("note", "must be at most 500 characters") }
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        let updated = try await OrderStatusStep(services: services).run(order, to: target, note: input.note, actor: "admin", logger: context.logger)
        return try OrderView.reply(updated, markets: services.markets.snapshot)
    }
}
