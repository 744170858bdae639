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

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let order = try await load(context)
        return try respond(order, request: request)
    }

    @Sendable func customerOrders(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("customer")
        try await CustomerAccess.require(id, request: request, context: context, services: services)
        guard let customer = try await services.customers.customer(id: id) else { throw Problem.notFound("customer '\(id)'", field: "customer") }
        let limit = try QueryValues(request: request).integer("limit", default: 50, range: 1...200)
        let orders = try await services.orders.orders(customerID: customer.id, email: customer.email, limit: limit)
        let snapshot = services.markets.snapshot
        let view = OrderListView(customerID: customer.id, orders: try orders.map { try OrderView($0, market: snapshot.market(code: $0.market)) })
        return try JSONReply.make(view, request: request)
    }

    struct ReturnInput: Decodable {
        struct Line: Decodable {
            let line: Int
            let quantity: Int64

            enum CodingKeys: String, CodingKey, CaseIterable { case line, quantity }

            init(from decoder: any Decoder) throws {
                try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
                let container = try decoder.container(keyedBy: CodingKeys.self)
                line = Int(clamping: try container.decodeWholeNumber(forKey: .line))
                quantity = try container.decodeWholeNumber(forKey: .quantity)
            }
        }

        let location: String
        let reason: String?
        let lines: [Line]

        enum CodingKeys: String, CodingKey, CaseIterable { case location, reason, lines }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            location = try container.decode(String.self, forKey: .location)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
            lines = try container.decode([Line].self, forKey: .lines)
        }
    }

    @Sendable func createReturn(request: Request, context: AppRequestContext) async throws -> Response {
        let order = try await load(context)
        let input = try await JSONBody.decode(ReturnInput.self, from: request, context: context)
        let market = services.markets.snapshot.market(code: order.market)
        let channel = try OrderChannel.from(request, context: context, market: market)
        guard let location = market?.stockLocation(id: input.location) else {
            let known = market?.stockLocations.map(\.id).joined(separator: ", ") ?? ""
            throw Problem.invalidField("location", "'\(input.location)' is not a store or warehouse of market \(order.market) (\(known))")
        }
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
        context.logger.info("return recorded", metadata: ["order.id": "\(order.id)", "return.channel": "\(channel)"])
        return try JSONReply.make(try ReturnView(record, order: order, market: market), request: request, status: .created, language: order.language)
    }

    @Sendable func listReturns(request: Request, context: AppRequestContext) async throws -> Response {
        let order = try await load(context)
        let market = services.markets.snapshot.market(code: order.market)
        let returns = try await services.orders.returns(orderID: order.id).map { try ReturnView($0, order: order, market: market) }
        return try JSONReply.make(ReturnListView(orderID: order.id, returns: returns), request: request, language: order.language)
    }

    private func load(_ context: AppRequestContext) async throws -> Order {
        let id = try context.parameters.require("order")
        guard let order = try await services.orders.order(id: id) else { throw Problem.notFound("order '\(id)'", field: "order") }
        return order
    }

    func respond(_ order: Order, request: Request, status: HTTPResponse.Status = .ok) throws -> Response {
        let view = try OrderView(order, market: services.markets.snapshot.market(code: order.market))
        return try JSONReply.make(view, request: request, status: status, language: order.language)
    }
}
