import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Decoded cart responses and helpers for the cart tests.
struct CartBody: Decodable {
    struct Line: Decodable {
        let id: String
        let sku: String
        let name: String
        let quantity: Int
        let channel: String
        let available: Bool
        let unavailable_reason: String?
        let unit_price: AmountBody?
        let amount: AmountBody?
        let discount: AmountBody?
        let net: AmountBody?
        let tax: AmountBody?
        let total: AmountBody?
    }

    struct Voucher: Decodable {
        let code: String
        let applied: Bool
        let reason: String?
        let message: String?
    }

    struct Shipping: Decodable {
        let method: String
        let name: String
        let free: Bool
        let total: AmountBody
    }

    struct Totals: Decodable {
        let tax_included: Bool
        let subtotal: AmountBody
        let discount: AmountBody
        let shipping: AmountBody
        let net: AmountBody
        let tax: AmountBody
        let total: AmountBody
    }

    struct Cash: Decodable {
        let total: AmountBody
        let adjustment: AmountBody
    }

    struct Merge: Decodable {
        struct Change: Decodable {
            let sku: String
            let kind: String
            let quantity_before: Int
            let quantity_after: Int
        }

        let merged_cart_id: String?
        let changes: [Change]
    }

    let id: String
    let version: Int
    let status: String
    let market: String
    let currency: String
    let language: String
    let customer_id: String?
    let channels: [String]
    let merged_into: String?
    let item_count: Int
    let lines: [Line]
    let vouchers: [Voucher]
    let shipping: Shipping?
    let totals: Totals
    let cash: Cash
    let merge: Merge?

    func line(_ sku: String) -> Line? { lines.first { $0.sku == sku } }
}

/// The problem body of a stale write: the problem plus the current cart.
struct StaleCartBody: Decodable {
    let code: String
    let cart: CartBody
}

extension HTTPField.Name {
    static let channel = Self("Pasar-Channel")!
    static let customerToken = Self("Pasar-Customer-Token")!
}

/// Cart requests in one line each.
struct CartClient {
    let client: any TestClientProtocol

    func create(
        market: String, channel: String = "web", lines: [(String, Int)] = [], customer: String? = nil, email: String? = nil,
        language: String = "en"
    ) async throws -> CartBody {
        var body: [String: Any] = ["market": market, "lines": lines.map { ["sku": $0.0, "quantity": $0.1] }]
        var headers: HTTPFields = [.channel: channel, .acceptLanguage: language, .contentType: "application/json"]
        if let customer {
            body["customer_id"] = customer
            headers[.customerToken] = try await token(for: customer)
        }
        if let email { body["email"] = email }
        return try await client.execute(
            uri: "/v1/carts", method: .post, headers: headers,
            body: try Self.json(body)
        ) { response in
            #expect(response.status == .created, "\(response.text)")
            return try response.json(CartBody.self)
        }
    }

    func add(_ cart: String, sku: String, quantity: Int = 1, channel: String = "web", language: String = "en") async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/carts/\(cart)/lines", method: .post, headers: [.channel: channel, .acceptLanguage: language, .contentType: "application/json"],
            body: try Self.json(["sku": sku, "quantity": quantity]))
    }

    func get(_ cart: String, channel: String = "web", language: String = "en") async throws -> CartBody {
        try await client.execute(uri: "/v1/carts/\(cart)", method: .get, headers: [.channel: channel, .acceptLanguage: language]) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(CartBody.self)
        }
    }

    func send(
        _ method: HTTPRequest.Method, _ uri: String, body: [String: Any]? = nil, channel: String = "web", language: String = "en",
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.channel: channel, .acceptLanguage: language, .contentType: "application/json"]
        headers.append(contentsOf: extra)
        return try await client.execute(uri: uri, method: method, headers: headers, body: try body.map(Self.json))
    }

    /// A customer token from the admin route, as the merchant's sign-in system would get it.
    func token(for customer: String) async throws -> String {
        struct Issued: Decodable { let token: String }
        return try await client.execute(
            uri: "/v1/admin/customer-tokens", method: .post,
            headers: [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"],
            body: try Self.json(["customer_id": customer])
        ) { response in
            #expect(response.status == .created, "\(response.text)")
            return try response.json(Issued.self).token
        }
    }

    static func json(_ value: Any) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: value))
    }
}

/// Adds non-negative decimal strings with the same number of fraction digits.
func sumDecimals(_ values: [String]) -> String {
    values.dropFirst().reduce(values.first ?? "0") { addDecimals($0, $1) }
}
