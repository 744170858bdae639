import Foundation
import HTTPTypes
import HummingbirdTesting
import PasarTestSupport
import Testing

/// An order refusal and its `detail` in the request's language, written out in `Fixtures/orders/problems.json`.
struct OrderProblemExpectation: Decodable, Sendable, CustomTestStringConvertible {
    let language: String
    let code: String
    let detail: String

    var testDescription: String { "\(language) \(code)" }
}

@Suite("Order refusals speak the request's language")
struct OrderProblemTests {
    @Test(arguments: Fixtures.decode([OrderProblemExpectation].self, from: "orders/problems.json"))
    func detailFollowsAcceptLanguage(_ expectation: OrderProblemExpectation) async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let collect: [String: Any] = ["type": "collect", "store": "berlin-mitte"]
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)])
            var headers: HTTPFields = OrderClient.admin
            headers[.acceptLanguage] = expectation.language
            let response: TestResponse
            switch expectation.code {
            case "out_of_stock":
                response = try await orders.checkout(cart.id, fulfilment: collect, key: "p-1", language: expectation.language)
            default:
                try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 5)
                let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: collect, key: "p-1"))
                switch expectation.code {
                case "cart_not_active":
                    response = try await orders.checkout(cart.id, fulfilment: collect, key: "p-2", language: expectation.language)
                case "return_exceeds_order":
                    for step in ["paid", "ready_for_pickup", "collected"] { #expect(try await orders.setStatus(order.id, step).status == .ok) }
                    #expect(try await orders.returnUnits(order.id, lines: [(1, 1)], location: "berlin-mitte", channel: "pos").status == .created)
                    response = try await client.execute(
                        uri: "/v1/orders/\(order.id)/returns", method: .post, headers: headers,
                        body: try CartClient.json(["location": "berlin-mitte", "lines": [["line": 1, "quantity": 2]]]))
                default:
                    response = try await client.execute(
                        uri: "/v1/admin/orders/\(order.id)/status", method: .post, headers: headers, body: try CartClient.json(["status": "shipped"]))
                }
            }
            #expect(try response.json(ProblemBody.self).code == expectation.code, "\(response.text)")
            #expect(try response.json(ProblemBody.self).detail == expectation.detail)
        }
    }
}
