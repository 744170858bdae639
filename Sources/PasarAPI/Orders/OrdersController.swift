import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// Orders for every channel: read one by its unguessable id, list a customer's orders from all
/// channels, and return units of it through any channel (the writing channel comes from
/// `Pasar-Channel`, as for carts) with an exact refund.
struct OrdersController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/orders/:order", use: get)
        group.get("/orders/:order/returns", use: listReturns)
        group.post("/orders/:order/returns", use: createReturn)
        group.get("/customers/:customer/orders", use: customerOrders)
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> EditedResponse<OrderView> {
        let order = try await load(context)
        return try await OrderView.withTenders(order, services: services).reply(language: order.language)
    }

    @Sendable func customerOrders(request: Request, context: AppRequestContext) async throws -> OrderListView {
        let customer = try await CustomerAccess.pathCustomer(request: request, context: context, services: services)
        let limit = try QueryValues(request: request).integer("limit", default: 50, range: 1...200)
        let orders = try await services.orders.orders(customerID: customer.id, email: customer.email, limit: limit)
        let snapshot = services.markets.snapshot
        let view = OrderListView(customerID: customer.id, orders: try orders.map { try OrderView($0, market: snapshot.market(code: $0.market)) })
        return view
    }

    struct ReturnInput: Decodable {
        struct Line: Decodable {
            let line: Int
            let quantity: Int64
        }

        let location: String
        let reason: String?
        let lines: [Line]
    }

    @Sendable func createReturn(request: Request, context: AppRequestContext) async throws -> EditedResponse<ReturnView> {
        let order = try await load(context)
        let input = try await request.decode(as: ReturnInput.self, context: context)
        let market = services.markets.snapshot.market(code: order.market)
        let channel = try OrderChannel.from(request, context: context, market: market)
        guard let location = market?.stockLocation(id: input.location) else {
            let known = market?.stockLocations.map(\.id).joined(separator: ", ") ?? ""
            throw Problem.invalidField("location", "'\(input.location)' is not a store or warehouse of market \(order.market) (\(known))")
        }
        // A till takes returns into its own stores only, naming who took it.
        let tillActor = context.caller.stores == nil ? nil : try StoreAccess.require(location.id, request: request, context: context)
        guard !input.lines.isEmpty, input.lines.count <= 100 else { throw Problem.invalidField("lines", "must list 1 to 100 lines") }
        for (index, line) in input.lines.enumerated() {
            guard order.lines.contains(where: { $0.number == line.line }) else {
                throw Problem.invalidField("lines[\(index)].line", "the order has no line \(line.line) (lines 1 to \(order.lines.count))")
            }
            guard line.quantity >= 1 else { throw Problem.invalidField("lines[\(index)].quantity", "must be at least 1") }
        }
        guard Set(input.lines.map(\.line)).count == input.lines.count else { throw Problem.invalidField("lines", "names a line twice") }
        if let reason = input.reason, reason.count > 500 { throw Problem.invalidField("reason", "must be at most 500 characters") }
        var record = try await services.orders.recordReturn(
            ReturnRequest(
                id: "ret_" + CartIdentifier.make(), orderID: order.id, channel: channel, location: location.id, reason: input.reason,
                lines: input.lines.map { ReturnRequest.Line(lineNumber: $0.line, quantity: $0.quantity) }))
        // The money goes back after the return is recorded; a provider failure leaves the refund owed, visible without a reference.
        if let provider = services.payments.provider(order.payment.provider), !record.refund.isZero {
            let reference = try await provider.refund(order.payment, amount: record.refund, returnID: record.id)
            try await services.orders.setRefundReference(returnID: record.id, reference: reference)
            record = record.withPaymentReference(reference)
        }
        if let tillActor {
            try await services.storeOperations.recordAudit(
                store: location.id, keyName: tillActor.keyName, operatorID: tillActor.operatorID, action: "return_received",
                orderID: order.id, detail: "\(record.unitCount) units, refund \(record.refund.decimalString) \(record.refund.currency.code)", now: Date())
        }
        context.logger.info("return recorded", metadata: ["order.id": "\(order.id)", "return.channel": "\(channel)"])
        if !record.refund.isZero { try await CustomerGroupRules(services: services).apply(after: order, logger: context.logger) }
        return try ReturnView(record, order: order, market: market).reply(.created, language: order.language)
    }

    @Sendable func listReturns(request: Request, context: AppRequestContext) async throws -> EditedResponse<ReturnListView> {
        let order = try await load(context)
        let market = services.markets.snapshot.market(code: order.market)
        let returns = try await services.orders.returns(orderID: order.id).map { try ReturnView($0, order: order, market: market) }
        return ReturnListView(orderID: order.id, returns: returns).reply(language: order.language)
    }

    private func load(_ context: AppRequestContext) async throws -> Order {
        let id = try context.parameters.require("order")
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        return order
    }
}
