import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The till of a store with its staff key: the pickup queue, the handover of a click & collect
/// order paid at the till (card and cash, cash rounded to the Swiss 5 Rappen), the audit log, and a
/// staff key refused everywhere but at its own store.
@Suite("Store operations with staff keys")
struct StoreRoutesTests {
    private static let operatorHeader = HTTPField.Name("Pasar-Operator")!

    private func staff(_ store: String, operator name: String? = "anna") -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(TestServer.staffKeys[store]!)", .contentType: "application/json"]
        if let name { headers[Self.operatorHeader] = name }
        return headers
    }

    private func status(_ client: any TestClientProtocol, _ order: String, at store: String, _ body: [String: Any], headers: HTTPFields) async throws -> TestResponse {
        try await client.execute(uri: "/v1/stores/\(store)/orders/\(order)/status", method: .post, headers: headers, body: try CartClient.json(body))
    }

    private func problem(_ response: TestResponse, _ status: HTTPResponse.Status, field: String? = nil, code: String? = nil) throws -> ProblemBody {
        #expect(response.status == status, "\(response.text)")
        let problem = try response.json(ProblemBody.self)
        if let field { #expect(problem.field == field, "\(response.text)") }
        if let code { #expect(problem.code == code, "\(response.text)") }
        return problem
    }

    @Test func aCollectOrderIsHandedOverAndPaidAtItsStoresTill() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 5)
            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], language: "de")
            let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "till-1", language: "de"))
            #expect(order.payment.method == "pay_at_store" && order.totals.total.amount == "7.50")

            // Another store's staff, the admin routes, another market: refused, naming the key's store.
            let elsewhere = try problem(
                try await client.execute(uri: "/v1/stores/zurich-hb/pickups", method: .get, headers: staff("geneve-rive")), .forbidden, code: "store_forbidden")
            #expect(elsewhere.detail.contains("geneve-rive"))
            _ = try problem(try await status(client, order.id, at: "zurich-hb", ["status": "ready_for_pickup"], headers: staff("geneve-rive")), .forbidden, code: "store_forbidden")
            _ = try problem(try await status(client, order.id, at: "geneve-rive", ["status": "ready_for_pickup"], headers: staff("geneve-rive")), .conflict, code: "not_this_store")
            _ = try problem(try await client.execute(uri: "/v1/admin/inventory/TEA-RIZE-BLACK-250G", method: .get, headers: staff("zurich-hb")), .forbidden, code: "store_forbidden")
            _ = try problem(
                try await client.execute(uri: "/v1/carts", method: .post, headers: staff("zurich-hb"), body: try CartClient.json(["market": "de"])), .forbidden,
                code: "store_forbidden")
            _ = try problem(try await client.execute(uri: "/v1/stores/nowhere/pickups", method: .get, headers: OrderClient.admin), .notFound, field: "store")

            let queue = try await client.execute(uri: "/v1/stores/zurich-hb/pickups", method: .get, headers: staff("zurich-hb")) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(PickupQueueBody.self)
            }
            #expect(queue.items.map(\.order.id) == [order.id] && queue.items.first?.awaiting_payment == true)

            _ = try problem(try await status(client, order.id, at: "zurich-hb", ["status": "ready_for_pickup"], headers: staff("zurich-hb", operator: nil)), .badRequest, field: "Pasar-Operator")
            _ = try problem(try await status(client, order.id, at: "zurich-hb", ["status": "shipped"], headers: staff("zurich-hb")), .badRequest, field: "status")
            let ready = try await status(client, order.id, at: "zurich-hb", ["status": "ready_for_pickup"], headers: staff("zurich-hb"))
            #expect(ready.status == .ok, "\(ready.text)")

            // Collecting takes the payment: the cash part is what the card leaves, rounded to 0.05 CHF.
            let collect = { (tenders: [[String: Any]]) in try await status(client, order.id, at: "zurich-hb", ["status": "collected", "tenders": tenders], headers: staff("zurich-hb")) }
            _ = try problem(try await collect([]), .badRequest, field: "tenders")
            let wrongCash = try problem(try await collect([["type": "cash", "amount": "7.45"]]), .badRequest, field: "tenders[0].amount")
            #expect(wrongCash.detail.contains("7.50"))
            _ = try problem(try await collect([["type": "card", "amount": "7.50"]]), .badRequest, field: "tenders[0].reference")
            _ = try problem(try await collect([["type": "card", "amount": "3.02", "reference": "T-1"], ["type": "cash", "amount": "4.45"]]), .badRequest, field: "tenders[1].amount")
            let collected = try await collect([["type": "card", "amount": "3.02", "reference": "TERM-7781"], ["type": "cash", "amount": "4.50"]])
            #expect(collected.status == .ok, "\(collected.text)")
            let receipt = try collected.json(StoreOrderBody.self)
            #expect(receipt.status == "collected" && receipt.payment.paid_at != nil)
            #expect(receipt.tenders.map(\.type) == ["card", "cash"])
            #expect(receipt.tenders.map(\.amount.formatted) == ["CHF\u{a0}3.02", "CHF\u{a0}4.50"])
            #expect(receipt.tenders.last?.cash_adjustment.amount == "0.02" && receipt.tenders.first?.reference == "TERM-7781")
            #expect(receipt.tenders.allSatisfy { $0.operator == "anna" && $0.store == "zurich-hb" })
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "zurich-hb")?.on_hand == 4, "handed over: off the shelf")

            let audit = try await client.execute(uri: "/v1/stores/zurich-hb/audit", method: .get, headers: staff("zurich-hb")) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(AuditPageBody.self)
            }
            #expect(audit.items.map(\.action) == ["order_collected", "order_ready_for_pickup"])
            #expect(audit.items.allSatisfy { $0.key == "till-zurich-hb" && $0.operator == "anna" && $0.order_id == order.id })
            #expect(audit.items.first?.detail == "card 3.02 CHF, cash 4.50 CHF")
            let emptyQueue = try await client.execute(uri: "/v1/stores/zurich-hb/pickups", method: .get, headers: staff("zurich-hb")) { try $0.json(PickupQueueBody.self) }
            #expect(emptyQueue.items.isEmpty, "handed over: off the queue")

            // Returns at the till go into the till's own store; stock is counted there too.
            let returnBody = try CartClient.json(["location": "geneve-rive", "lines": [["line": 1, "quantity": 1]]])
            _ = try problem(try await client.execute(uri: "/v1/orders/\(order.id)/returns", method: .post, headers: staff("zurich-hb"), body: returnBody), .forbidden, code: "store_forbidden")
            let returned = try await client.execute(
                uri: "/v1/orders/\(order.id)/returns", method: .post, headers: staff("zurich-hb"),
                body: try CartClient.json(["location": "zurich-hb", "lines": [["line": 1, "quantity": 1]]]))
            #expect(returned.status == .created, "\(returned.text)")
            let adjust = { (store: String, body: [String: Any], key: String) in
                try await client.execute(uri: "/v1/stores/\(store)/inventory/adjustments", method: .post, headers: staff(key), body: try CartClient.json(body))
            }
            _ = try problem(try await adjust("zurich-hb", ["sku": "TEA-RIZE-BLACK-250G", "delta": -1, "reason": "count"], "geneve-rive"), .forbidden, code: "store_forbidden")
            _ = try problem(try await adjust("zurich-hb", ["sku": "TEA-RIZE-BLACK-250G", "delta": -1, "reason": "reservation"], "zurich-hb"), .badRequest, field: "reason")
            let counted = try await adjust("zurich-hb", ["sku": "TEA-RIZE-BLACK-250G", "delta": -2, "reason": "count"], "zurich-hb")
            #expect(counted.status == .created, "\(counted.text)")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "zurich-hb")?.on_hand == 3, "5 received − 1 collected + 1 returned − 2 counted")
            let later = try await client.execute(uri: "/v1/stores/zurich-hb/audit?limit=2", method: .get, headers: staff("zurich-hb")) { try $0.json(AuditPageBody.self) }
            #expect(later.items.map(\.action) == ["stock_count", "return_received"])
            #expect(later.items.first?.detail == "TEA-RIZE-BLACK-250G -2")
        }
    }
}

extension StoreRoutesTests {
    @Test func staffFindACustomerByEmailPhoneOrOrderNumberWithTheirOpenCart() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let badPhone = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "lea@example.ch", "name": "Lea Meier", "market": "ch", "phone": "079 123 45 67"]))
            _ = try problem(badPhone, .badRequest, field: "phone")
            let created = try await client.execute(
                uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
                body: try CartClient.json(["email": "Lea@Example.ch", "name": "Lea Meier", "market": "ch", "phone": "+41 79 123 45 67"]))
            #expect(created.status == .created, "\(created.text)")
            let customer = try created.json(StaffCustomerBody.self)
            #expect(customer.phone == "+41791234567")
            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: customer.id)
            // A guest order with the customer's address also finds them.
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 2)
            let guestCart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let order = try orders.placed(
                try await orders.checkout(guestCart.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "lookup-1", email: "lea@example.ch"))

            for query in ["phone=%2B41791234567", "phone=+41%2079%20123%2045%2067", "email=LEA@example.CH", "order=\(order.number)"] {
                let found = try await client.execute(uri: "/v1/stores/zurich-hb/customers?\(query)", method: .get, headers: staff("zurich-hb")) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    return try response.json(StoreStaffCustomerBody.self)
                }
                #expect(found.overview.customer.id == customer.id && found.active_cart_id == cart.id, "\(query)")
            }
            _ = try problem(try await client.execute(uri: "/v1/stores/zurich-hb/customers?phone=%2B41790000000", method: .get, headers: staff("zurich-hb")), .notFound, field: "phone")
            _ = try problem(try await client.execute(uri: "/v1/stores/zurich-hb/customers?phone=%2B41791234567&email=lea@example.ch", method: .get, headers: staff("zurich-hb")), .badRequest)
            _ = try problem(try await client.execute(uri: "/v1/stores/zurich-hb/customers?email=lea@example.ch", method: .get, headers: staff("geneve-rive")), .forbidden, code: "store_forbidden")

            let changed = try await client.execute(
                uri: "/v1/customers/\(customer.id)", method: .patch, headers: OrderClient.admin, body: try CartClient.json(["phone": "+41 44 555 66 77"]))
            #expect(try changed.json(StaffCustomerBody.self).phone == "+41445556677", "\(changed.text)")
        }
    }
}

extension StoreRoutesTests {
    @Test func aSaleAtTheTillTakesTheStoresStockAndIsPaidAtOnce() async throws {
        try await TestServer().run { client in
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 3)
            let cart = try await client.execute(
                uri: "/v1/carts", method: .post, headers: staff("zurich-hb"),
                body: try CartClient.json(["market": "ch", "lines": [["sku": "TEA-RIZE-BLACK-250G", "quantity": 1]]])
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(CartBody.self)
            }
            let sale = { (tenders: [[String: Any]], headers: HTTPFields, key: String) in
                var headers = headers
                headers[.idempotencyKey] = key
                headers[.acceptLanguage] = "fr"
                return try await client.execute(
                    uri: "/v1/carts/\(cart.id)/checkout", method: .post, headers: headers,
                    body: try CartClient.json(["fulfilment": ["type": "in_store", "store": "zurich-hb"], "tenders": tenders]))
            }
            let cash = [["type": "cash", "amount": "7.50"]]
            _ = try problem(try await sale([["type": "cash", "amount": "7.45"]], staff("zurich-hb"), "sale-1"), .badRequest, field: "tenders[0].amount")
            _ = try problem(try await sale(cash, staff("geneve-rive"), "sale-1"), .forbidden, code: "store_forbidden")
            _ = try problem(try await sale(cash, staff("zurich-hb", operator: nil), "sale-1"), .badRequest, field: "Pasar-Operator")
            #expect(try await orders.stock("TEA-RIZE-BLACK-250G", at: "zurich-hb")?.reserved == 0, "a refused sale writes nothing")

            let sold = try await sale(cash, staff("zurich-hb"), "sale-1")
            #expect(sold.status == .created, "\(sold.text)")
            let receipt = try sold.json(StoreOrderBody.self)
            #expect(receipt.status == "collected" && receipt.payment.paid_at != nil)
            #expect(receipt.tenders.map(\.amount.formatted) == ["7.50\u{a0}CHF"], "the receipt in the till's language")
            let stock = try await orders.stock("TEA-RIZE-BLACK-250G", at: "zurich-hb")
            #expect(stock?.on_hand == 2 && stock?.reserved == 0, "taken off the store's shelf at once")
            let again = try await sale(cash, staff("zurich-hb"), "sale-1")
            #expect(again.status == .ok && (try? again.json(StoreOrderBody.self).id) == receipt.id, "a retry returns the same sale")
        }
    }
}

private struct StaffCustomerBody: Decodable {
    let id: String
    let phone: String?
}

private struct StoreStaffCustomerBody: Decodable {
    struct Overview: Decodable {
        let customer: StaffCustomerBody
    }

    let overview: Overview
    let active_cart_id: String?
}

private struct PickupQueueBody: Decodable {
    struct Item: Decodable {
        let order: OrderBody
        let awaiting_payment: Bool
        let overdue: Bool
    }

    let store: String
    let items: [Item]
}

private struct StoreOrderBody: Decodable {
    struct Tender: Decodable {
        let type: String
        let amount: AmountBody
        let cash_adjustment: AmountBody
        let reference: String?
        let store: String
        let `operator`: String
    }

    struct Payment: Decodable {
        let paid_at: String?
    }

    let id: String
    let status: String
    let payment: Payment
    let tenders: [Tender]
}

private struct AuditPageBody: Decodable {
    struct Entry: Decodable {
        let key: String
        let `operator`: String
        let action: String
        let order_id: String?
        let detail: String?
    }

    let items: [Entry]
}
