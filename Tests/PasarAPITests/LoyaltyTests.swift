import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Loyalty points over HTTP: earned when an order is paid, redeemed on a cart at the POS and taken
/// at checkout, reversed by returns down to a negative balance that blocks redemption, checked again
/// atomically at checkout, and refused with a problem naming the field.
@Suite("Loyalty points across channels")
struct LoyaltyTests {
    static let customer = "cust-loyal-7"
    private static let operatorHeader = HTTPField.Name("Pasar-Operator")!

    private func staff(_ store: String = "zurich-hb") -> HTTPFields {
        [.authorization: "Bearer \(TestServer.staffKeys[store]!)", .contentType: "application/json", .acceptLanguage: "en", Self.operatorHeader: "anna"]
    }

    private func account(_ client: any TestClientProtocol, token: String, market: String = "ch", language: String = "en") async throws -> LoyaltyAccountBody {
        try await client.execute(
            uri: "/v1/customers/\(Self.customer)/loyalty?market=\(market)", method: .get, headers: [.customerToken: token, .acceptLanguage: language]
        ) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(LoyaltyAccountBody.self)
        }
    }

    private func problem(_ response: TestResponse, _ status: HTTPResponse.Status, code: String, field: String) throws -> ProblemBody {
        #expect(response.status == status, "\(response.text)")
        let problem = try response.json(ProblemBody.self)
        #expect(problem.code == code && problem.field == field, "\(response.text)")
        return problem
    }

    /// Four teas (CHF 30.00) paid online earn 30 points; 20 of them pay for part of a sale at the
    /// Zürich till (CHF 7.50 − 0.20, which earns 7); returning the online order in two halves
    /// reverses 15 + 15 points, the second half after they were spent: the balance goes to −13 and
    /// redemption is refused until it is earned back.
    @Test func pointsAreEarnedRedeemedAtThePOSAndReversedByReturns() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 10)
            let token = try await carts.token(for: Self.customer)
            let web = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 4)], customer: Self.customer)
            let order = try orders.placed(try await orders.checkout(web.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "loyal-1"))
            #expect(order.totals.total.amount == "30.00")
            #expect(try await account(client, token: token).balance == 0, "nothing before the order is paid")
            for step in ["paid", "ready_for_pickup", "collected"] { #expect(try await orders.setStatus(order.id, step).status == .ok) }
            let earned = try await account(client, token: token, language: "de-CH")
            #expect(earned.balance == 30 && earned.value.amount == "0.30" && earned.value.currency == "CHF")
            #expect(earned.history.map(\.kind) == ["earn"] && earned.history.first?.order_id == order.id)
            #expect(earned.program.points_per_unit == 1 && earned.next_expiry?.points == 30)
            let messages = try await orders.messages(of: order)
            #expect(messages.contains("You earned 30 points with order \(order.number)."), "\(messages)")

            // At the till: the customer's cart, opened with their token, redeems 20 points by the staff key.
            var opening = staff()
            opening[.customerToken] = token
            let till = try await client.execute(
                uri: "/v1/carts", method: .post, headers: opening,
                body: try CartClient.json(["market": "ch", "customer_id": Self.customer, "lines": [["sku": "TEA-RIZE-BLACK-250G", "quantity": 1]]])
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(CartBody.self)
            }
            let redeemed = try await client.execute(
                uri: "/v1/carts/\(till.id)/loyalty", method: .post, headers: staff(), body: try CartClient.json(["points": 20])
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(LoyaltyCartBody.self)
            }
            #expect(redeemed.loyalty?.points == 20 && redeemed.loyalty?.points_spent == 20 && redeemed.loyalty?.discount.amount == "0.20")
            #expect(redeemed.totals.subtotal.amount == "7.50" && redeemed.totals.discount.amount == "0.20", "shipping is not paid with points")
            var sale = staff()
            sale[.idempotencyKey] = "loyal-till-1"
            let receipt = try await client.execute(
                uri: "/v1/carts/\(till.id)/checkout", method: .post, headers: sale,
                body: try CartClient.json(["fulfilment": ["type": "in_store", "store": "zurich-hb"], "tenders": [["type": "cash", "amount": "7.30"]]])
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(OrderBody.self)
            }
            #expect(receipt.totals.total.amount == "7.30" && receipt.status == "collected")
            let afterSale = try await account(client, token: token)
            #expect(afterSale.balance == 30 - 20 + 7, "20 spent, 7 earned on CHF 7.30")
            #expect(afterSale.history.map(\.kind) == ["earn", "redeem", "earn"])
            let atTill = try await client.execute(uri: "/v1/customers/\(Self.customer)/loyalty?market=ch", method: .get, headers: staff()) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(LoyaltyAccountBody.self)
            }
            #expect(atTill.balance == 17, "the till reads the balance with its staff key")
            let redeemedMessages = try await orders.messages(of: receipt)
            #expect(redeemedMessages.contains("You redeemed 20 points worth CHF\u{a0}0.20 on order \(receipt.number)."), "\(redeemedMessages)")

            // Returns of the online order reverse its points in proportion to the refund.
            #expect(try await orders.returnUnits(order.id, lines: [(1, 2)], location: "zurich-hb", channel: "pos").status == .created)
            #expect(try await account(client, token: token).balance == 17 - 15)
            #expect(try await orders.returnUnits(order.id, lines: [(1, 2)], location: "zurich-hb", channel: "web").status == .created)
            let clawedBack = try await account(client, token: token)
            #expect(clawedBack.balance == -13 && clawedBack.value.amount == "-0.13", "spent points are clawed back")
            #expect(clawedBack.history.filter { $0.kind == "reverse" }.map(\.points) == [-15, -15])

            // A negative balance blocks redemption.
            let next = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: Self.customer)
            let refused = try problem(
                try await carts.send(.post, "/v1/carts/\(next.id)/loyalty", body: ["points": 1], language: "de", headers: [.customerToken: token]),
                .unprocessableContent, code: "loyalty_insufficient_points", field: "points")
            #expect(refused.detail == "1 Punkt wurde angefragt, der Kontostand beträgt aber -13 Punkte.")
        }
    }

    /// The balance is checked again when the order is placed: points a cart redeemed that a return
    /// took back meanwhile refuse the checkout (409) and nothing is written; without them it goes through.
    @Test func checkoutTakesThePointsAtomically() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 10)
            let token = try await carts.token(for: Self.customer)
            let first = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 4)], customer: Self.customer)
            let order = try orders.placed(try await orders.checkout(first.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "atomic-1"))
            for step in ["paid", "ready_for_pickup", "collected"] { #expect(try await orders.setStatus(order.id, step).status == .ok) }

            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: Self.customer)
            let set = try await carts.send(.post, "/v1/carts/\(cart.id)/loyalty", body: ["points": 25], headers: [.customerToken: token])
            #expect(set.status == .ok, "\(set.text)")
            #expect(try await orders.returnUnits(order.id, lines: [(1, 2)], location: "zurich-hb", channel: "web").status == .created)
            let refused = try problem(
                try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "atomic-2"),
                .conflict, code: "loyalty_insufficient_points", field: "loyalty.points")
            #expect(refused.detail == "25 points were asked for, but the balance is 15 points.")
            #expect(try await carts.get(cart.id).status == "active", "the refused checkout wrote nothing")
            #expect(try await account(client, token: token).history.map(\.kind) == ["reverse", "earn"])

            let fewer = try await carts.send(.post, "/v1/carts/\(cart.id)/loyalty", body: ["points": 15], headers: [.customerToken: token])
            #expect(fewer.status == .ok, "\(fewer.text)")
            let placed = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "atomic-3"))
            #expect(placed.totals.total.amount == "7.35")
            #expect(try await account(client, token: token).balance == 0)
            // Cancelling the order gives the points back.
            #expect(try await orders.setStatus(placed.id, "cancelled").status == .ok)
            let restored = try await account(client, token: token)
            #expect(restored.balance == 15 && restored.history.first?.kind == "restore")

            let liability = try await client.execute(
                uri: "/v1/admin/loyalty/liability?market=ch", method: .get, headers: [.authorization: "Bearer \(TestServer.adminKey)"]
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
                return try response.json(LiabilityBody.self)
            }
            #expect(liability.markets.map(\.market) == ["ch"])
            #expect(liability.markets.first?.outstanding_points == 15 && liability.markets.first?.outstanding_value.amount == "0.15")
            #expect(liability.markets.first?.customers == 1 && liability.markets.first?.owed_back_points == 0)
        }
    }

    /// The phone and the till check out the same cart at once, each with its own key: one order,
    /// the points spent once.
    @Test func twoDevicesCheckingOutAtOnceSpendThePointsOnce() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "zurich-hb", units: 10)
            let token = try await carts.token(for: Self.customer)
            let first = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 4)], customer: Self.customer)
            let order = try orders.placed(try await orders.checkout(first.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "devices-1"))
            #expect(try await orders.setStatus(order.id, "paid").status == .ok)
            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: Self.customer)
            #expect(try await carts.send(.post, "/v1/carts/\(cart.id)/loyalty", body: ["points": 25], headers: [.customerToken: token]).status == .ok)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (index, channel) in ["mobile", "pos", "web", "mobile"].enumerated() {
                    group.addTask {
                        try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "zurich-hb"], key: "devices-\(index + 2)", channel: channel)
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1 && statuses.filter { $0 == .conflict }.count == 3, "\(statuses)")
            let account = try await account(client, token: token)
            #expect(account.balance == 5 && account.history.filter { $0.kind == "redeem" }.map(\.points) == [-25])
        }
    }

    @Test func badInputIsRefusedNamingTheField() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let token = try await carts.token(for: Self.customer)
            let cart = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: Self.customer)
            let redeem = { (body: [String: Any], language: String) in
                try await carts.send(.post, "/v1/carts/\(cart.id)/loyalty", body: body, language: language, headers: [.customerToken: token])
            }
            let tooMany = try problem(try await redeem(["points": 500], "fr"), .unprocessableContent, code: "loyalty_insufficient_points", field: "points")
            #expect(tooMany.detail == "500 points ont été demandés, mais le solde est de 0 point.")
            for points in [0, -5] {
                let range = try problem(try await redeem(["points": points], "en"), .badRequest, code: "invalid_field", field: "points")
                #expect(range.detail == "points: must be a whole number from 1 to 100,000,000", "\(range.detail)")
            }
            _ = try problem(try await redeem(["points": 1.5], "en"), .badRequest, code: "invalid_field", field: "points")
            let guest = try await carts.create(market: "ch", lines: [("TEA-RIZE-BLACK-250G", 1)])
            _ = try problem(
                try await carts.send(.post, "/v1/carts/\(guest.id)/loyalty", body: ["points": 1]), .unprocessableContent, code: "loyalty_sign_in_required",
                field: "customer_id")
            let noPoints = try await carts.create(market: "us", customer: Self.customer)
            _ = try problem(
                try await carts.send(.post, "/v1/carts/\(noPoints.id)/loyalty", body: ["points": 1], headers: [.customerToken: token]),
                .unprocessableContent, code: "loyalty_not_offered", field: "market")

            let unknown = try await client.execute(
                uri: "/v1/customers/\(Self.customer)/loyalty?market=zz", method: .get, headers: [.customerToken: token, .acceptLanguage: "de"]
            ) { $0 }
            let unknownProblem = try problem(unknown, .badRequest, code: "invalid_field", field: "market")
            #expect(unknownProblem.detail == "market: zz ist kein Markt.")
            let missing = try await client.execute(uri: "/v1/customers/\(Self.customer)/loyalty", method: .get, headers: [.customerToken: token]) { $0 }
            _ = try problem(missing, .badRequest, code: "invalid_field", field: "market")
            let otherCustomer = try await client.execute(uri: "/v1/customers/someone-else/loyalty?market=ch", method: .get, headers: [.customerToken: token]) { $0 }
            #expect(otherCustomer.status == .forbidden)
        }
    }
}

private struct LoyaltyAccountBody: Decodable {
    struct Entry: Decodable {
        let sequence: Int
        let kind: String
        let points: Int
        let order_id: String?
    }

    struct Program: Decodable {
        let points_per_unit: Int
        let point_value: AmountBody
    }

    struct Expiry: Decodable {
        let points: Int
        let formatted: String
    }

    let balance: Int
    let value: AmountBody
    let expired: Int
    let next_expiry: Expiry?
    let program: Program
    let history: [Entry]
}

private struct LoyaltyCartBody: Decodable {
    struct Loyalty: Decodable {
        let points: Int
        let points_spent: Int
        let discount: AmountBody
    }

    let loyalty: Loyalty?
    let totals: CartBody.Totals
}

private struct LiabilityBody: Decodable {
    struct Market: Decodable {
        let market: String
        let customers: Int
        let outstanding_points: Int
        let outstanding_value: AmountBody
        let owed_back_points: Int
    }

    let markets: [Market]
}
