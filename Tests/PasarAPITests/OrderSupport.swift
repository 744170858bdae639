import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Decoded order responses and the requests the order tests make.
struct OrderBody: Decodable {
    struct Line: Decodable {
        let number: Int
        let sku: String
        let name: String
        let quantity: Int
        let returned_quantity: Int
        let discount: AmountBody
        let tax: AmountBody
        let total: AmountBody
    }

    struct Totals: Decodable {
        let subtotal: AmountBody
        let discount: AmountBody
        let shipping: AmountBody
        let tax: AmountBody
        let total: AmountBody
    }

    struct Fulfilment: Decodable {
        let type: String
        let shipping_method: String?
    }

    struct Payment: Decodable {
        let provider: String
        let method: String
        let paid_at: String?
    }

    let id: String
    let number: String
    let status: String
    let next_statuses: [String]
    let market: String
    let channel: String
    let language: String
    let customer_id: String?
    let fulfilment: Fulfilment
    let stock_location: String
    let lines: [Line]
    let totals: Totals
    let refunded: AmountBody
    let payment: Payment
}

struct ReturnBody: Decodable {
    struct Line: Decodable {
        let line: Int
        let quantity: Int
        let tax: AmountBody
        let refund: AmountBody
    }

    let id: String
    let channel: String
    let location: String
    let lines: [Line]
    let refund: AmountBody
    let refund_tax: AmountBody
    let payment_reference: String?
}

struct EventPageBody: Decodable {
    struct Event: Decodable {
        let id: String
        let type: String
        let order_id: String?
        let order_number: String?
        let language: String
        let message: String
        let carrier: String?
        let tracking_number: String?
    }

    let events: [Event]
    let next_cursor: String
}

struct StockLevelBody: Decodable {
    let location: String
    let on_hand: Int
    let reserved: Int
    let available: Int
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
}

/// Order requests in one line each, over the live server.
struct OrderClient {
    let client: any TestClientProtocol
    static let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]

    @discardableResult
    func receive(_ sku: String, at location: String, units: Int, reason: String = "receipt") async throws -> StockLevelBody {
        try await client.execute(
            uri: "/v1/admin/inventory/adjustments", method: .post, headers: Self.admin,
            body: try CartClient.json(["location": location, "sku": sku, "delta": units, "reason": reason])
        ) { response in
            #expect(response.status == .created, "\(response.text)")
            return try response.json(StockLevelBody.self)
        }
    }

    func stock(_ sku: String, at location: String) async throws -> StockLevelBody? {
        struct SKUStock: Decodable { let levels: [StockLevelBody] }
        return try await client.execute(uri: "/v1/admin/inventory/\(sku)", method: .get, headers: Self.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(SKUStock.self).levels.first { $0.location == location }
        }
    }

    func checkout(
        _ cart: String, fulfilment: [String: Any], key: String, email: String? = "kunde@example.com", channel: String = "web", language: String = "en",
        payment: [String: Any]? = nil
    ) async throws -> TestResponse {
        var body: [String: Any] = ["fulfilment": fulfilment]
        if let email { body["email"] = email }
        if let payment { body["payment"] = payment }
        return try await client.execute(
            uri: "/v1/carts/\(cart)/checkout", method: .post,
            headers: [.channel: channel, .acceptLanguage: language, .contentType: "application/json", .idempotencyKey: key],
            body: try CartClient.json(body))
    }

    func placed(_ response: TestResponse) throws -> OrderBody {
        #expect(response.status == .created, "\(response.text)")
        return try response.json(OrderBody.self)
    }

    func setStatus(_ order: String, _ status: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/admin/orders/\(order)/status", method: .post, headers: Self.admin, body: try CartClient.json(["status": status]))
    }

    func returnUnits(_ order: String, lines: [(Int, Int)], location: String, channel: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/orders/\(order)/returns", method: .post, headers: [.channel: channel, .contentType: "application/json"],
            body: try CartClient.json(["location": location, "lines": lines.map { ["line": $0.0, "quantity": $0.1] }]))
    }

    func events(after: String = "0", limit: Int = 500) async throws -> EventPageBody {
        try await client.execute(uri: "/v1/events?after=\(after)&limit=\(limit)", method: .get, headers: Self.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(EventPageBody.self)
        }
    }

    func messages(of order: OrderBody) async throws -> [String] {
        try await events().events.filter { $0.order_id == order.id }.map(\.message)
    }
}
