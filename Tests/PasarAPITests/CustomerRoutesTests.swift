import Foundation
import HummingbirdTesting
import Testing

struct CustomerBody: Decodable {
    let id: String
    let email: String
    let name: String
    let language: String
    let market: String
}

@Suite("Customers and the single customer view")
struct CustomerRoutesTests {
    @Test func supportSeesCartsOrdersReturnsAndChannels() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let customer = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "ayse@example.com", "name": "Ayşe Yılmaz", "language": "tr", "market": "de"])
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(CustomerBody.self)
            }
            #expect(customer.language == "tr" && customer.id.hasPrefix("cus_"))
            let duplicate = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "AYSE@example.com", "name": "Ayşe", "market": "de"]))
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.json(ProblemBody.self).field == "email")

            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 5)
            let cart = try await carts.create(market: "de", channel: "mobile", lines: [("TEA-RIZE-BLACK-250G", 2)], customer: customer.id)
            let order = try orders.placed(
                try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "cust-1", email: nil, channel: "web", language: "tr"))
            #expect(order.customer_id == customer.id && order.language == "tr")
            for step in ["paid", "ready_for_pickup", "collected"] { #expect(try await orders.setStatus(order.id, step).status == .ok) }
            #expect(try await orders.returnUnits(order.id, lines: [(1, 1)], location: "berlin-mitte", channel: "pos").status == .created)
            _ = try await carts.create(market: "de", channel: "support", lines: [("TEA-RIZE-BLACK-500G", 1)], customer: customer.id)

            struct Overview: Decodable {
                struct Summary: Decodable {
                    let id: String
                    let channel: String?
                    let status: String?
                }

                let customer: CustomerBody
                let channels: [String]
                let carts: [Summary]
                let orders: [Summary]
                let returns: [Summary]
            }
            let overview = try await client.execute(uri: "/v1/customers/\(customer.id)/overview", method: .get, headers: OrderClient.admin) {
                #expect($0.status == .ok, "\($0.text)")
                return try $0.json(Overview.self)
            }
            #expect(overview.channels == ["mobile", "pos", "support", "web"])
            #expect(overview.carts.count == 2 && overview.carts.contains { $0.status == "checked_out" })
            #expect(overview.orders.map(\.id) == [order.id] && overview.returns.map(\.channel) == ["pos"])

            let token = try await carts.token(for: customer.id)
            let listed = try await client.execute(uri: "/v1/customers/\(customer.id)/orders", method: .get, headers: [.customerToken: token]) {
                try $0.json(OrderListBody.self)
            }
            #expect(listed.orders.map(\.id) == [order.id])
            #expect(try await client.execute(uri: "/v1/customers/\(customer.id)/orders", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/v1/customers/\(customer.id)", method: .get, headers: [.customerToken: token]).status == .ok)
            let withoutKey = try await client.execute(uri: "/v1/customers/\(customer.id)/overview", method: .get)
            #expect(withoutKey.status == .unauthorized)
            #expect(try await client.execute(uri: "/v1/customers/cus_nobody", method: .get, headers: OrderClient.admin).status == .notFound)
        }
    }

    struct OrderListBody: Decodable {
        let orders: [OrderBody]
    }

    @Test(arguments: [
        (#"{"email": "nope", "name": "A", "market": "de"}"#, "email"),
        (#"{"email": "a@example.com", "name": "", "market": "de"}"#, "name"),
        (#"{"email": "a@example.com", "name": "A", "market": "mars"}"#, "market"),
        (#"{"email": "a@example.com", "name": "A", "market": "de", "language": "ja"}"#, "language"),
        (#"{"email": "a@example.com", "market": "de"}"#, "name"),
    ])
    func badCustomersNameTheField(_ body: String, _ field: String) async throws {
        try await TestServer().run { client in
            let response = try await client.execute(uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"], body: .init(string: body))
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.json(ProblemBody.self).field == field)
        }
    }
}
