import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A customer as the group routes answer: with their memberships.
struct GroupedCustomerBody: Decodable {
    struct Group: Decodable {
        let code: String
        let source: String
        let market: String?
        let expires_at: String?
        let active: Bool
    }

    let id: String
    let groups: [Group]
}

/// A cart line's group pricing fields.
struct PricedCartBody: Decodable {
    struct Line: Decodable {
        let sku: String
        let quantity: Int
        let unit_price: AmountBody?
        let compare_at: AmountBody?
        let customer_group: String?
    }

    let id: String
    let version: Int
    let customer_id: String?
    let lines: [Line]

    func line(_ sku: String) -> Line? { lines.first { $0.sku == sku } }
}

/// Customers, their groups and products with group prices, over the live server.
struct GroupClient {
    let client: any TestClientProtocol

    func customer(market: String = "de", email: String) async throws -> String {
        try await client.execute(
            uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
            body: try CartClient.json(["email": email, "name": "Test Kunde", "market": market])
        ) { response in
            #expect(response.status == .created, "\(response.text)")
            return try response.json(CustomerBody.self).id
        }
    }

    func setGroup(_ customer: String, _ group: String, body: String? = nil, language: String = "en") async throws -> TestResponse {
        var headers = OrderClient.admin
        headers[.acceptLanguage] = language
        return try await client.execute(
            uri: "/v1/customers/\(customer)/groups/\(group)", method: .put, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    func removeGroup(_ customer: String, _ group: String) async throws -> TestResponse {
        try await client.execute(uri: "/v1/customers/\(customer)/groups/\(group)", method: .delete, headers: OrderClient.admin)
    }

    func groups(_ customer: String) async throws -> [GroupedCustomerBody.Group] {
        try await client.execute(uri: "/v1/customers/\(customer)", method: .get, headers: OrderClient.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(GroupedCustomerBody.self).groups
        }
    }

    /// A product sold in `de` with one variant `ID` (upper case) and these price rows.
    func product(_ id: String, prices: [[String: Any]]) async throws {
        let body: [String: Any] = [
            "tax_class": "reduced", "translations": ["en": ["name": id, "slug": id]], "variants": [["sku": id.uppercased()]], "prices": prices,
        ]
        try await client.execute(uri: "/v1/admin/products/\(id)", method: .put, headers: OrderClient.admin, body: try CartClient.json(body)) {
            #expect($0.status == .created, "\($0.text)")
        }
    }

    func cart(_ id: String) async throws -> PricedCartBody {
        try await client.execute(uri: "/v1/carts/\(id)", method: .get, headers: [.acceptLanguage: "en"]) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(PricedCartBody.self)
        }
    }
}
