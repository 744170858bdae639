import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Customer groups: admin-set, rule-granted, pricing signed-in carts")
struct CustomerGroupTests {
    /// `student-tea`: 10.00 for everyone, 8.00 for students. `sale-tea`: 10.00, 9.00 for students, on sale at 7.50.
    static var prices: [(String, [[String: Any]])] {
        [
        ("student-tea", [["market": "de", "amount": "10.00"], ["market": "de", "amount": "8.00", "customer_group": "students"]]),
        (
            "sale-tea",
            [
                ["market": "de", "amount": "10.00"], ["market": "de", "amount": "9.00", "customer_group": "students"],
                ["market": "de", "amount": "7.50", "valid_from": "2020-01-01T00:00:00Z", "valid_to": "2099-01-01T00:00:00Z"],
            ]
        ),
        ]
    }

    @Test func aStudentPriceAppliesAfterSignInAndGoesAtSignOut() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            let carts = CartClient(client: client)
            for (id, rows) in Self.prices { try await groups.product(id, prices: rows) }
            let customer = try await groups.customer(email: "student@example.com")
            let set = try await groups.setGroup(customer, "students", body: #"{"expires_at": "2099-06-30T00:00:00+02:00"}"#)
            #expect(set.status == .ok, "\(set.text)")
            let members = try set.json(GroupedCustomerBody.self).groups
            #expect(members.map(\.code) == ["students"] && members[0].source == "admin" && members[0].active)
            #expect(members[0].expires_at?.hasPrefix("2099-06-29T22:00:00") == true)

            let guest = try await carts.create(market: "de", lines: [("STUDENT-TEA", 1), ("SALE-TEA", 1)])
            var cart = try await groups.cart(guest.id)
            #expect(cart.line("STUDENT-TEA")?.unit_price?.amount == "10.00" && cart.line("STUDENT-TEA")?.compare_at == nil)
            #expect(cart.line("SALE-TEA")?.unit_price?.amount == "7.50" && cart.line("SALE-TEA")?.compare_at?.amount == "10.00")

            let token = try await carts.token(for: customer)
            let signIn = try await carts.send(
                .post, "/v1/carts/\(guest.id)/customer", body: ["customer_id": customer], headers: [.customerToken: token])
            #expect(signIn.status == .ok, "\(signIn.text)")
            cart = try signIn.json(PricedCartBody.self)
            #expect(cart.customer_id == customer)
            let student = try #require(cart.line("STUDENT-TEA"))
            #expect(student.unit_price?.amount == "8.00" && student.compare_at?.amount == "10.00" && student.customer_group == "students")
            // A sale below the group price still wins; the member never pays more than a guest.
            let sale = try #require(cart.line("SALE-TEA"))
            #expect(sale.unit_price?.amount == "7.50" && sale.compare_at?.amount == "10.00" && sale.customer_group == nil)

            // Lines added while signed in get the group price too.
            #expect(try await carts.add(guest.id, sku: "STUDENT-TEA").status == .ok)
            cart = try await groups.cart(guest.id)
            #expect(cart.line("STUDENT-TEA")?.quantity == 2 && cart.line("STUDENT-TEA")?.unit_price?.amount == "8.00")

            let signOut = try await carts.send(.delete, "/v1/carts/\(guest.id)/customer", headers: [.ifMatch: "\"\(cart.version)\""])
            #expect(signOut.status == .ok, "\(signOut.text)")
            cart = try signOut.json(PricedCartBody.self)
            #expect(cart.customer_id == nil)
            #expect(cart.line("STUDENT-TEA")?.unit_price?.amount == "10.00" && cart.line("STUDENT-TEA")?.customer_group == nil)
            #expect(cart.line("STUDENT-TEA")?.compare_at == nil)
            #expect(cart.line("SALE-TEA")?.unit_price?.amount == "7.50")
            #expect(try await carts.add(guest.id, sku: "STUDENT-TEA").status == .ok)
            #expect(try await groups.cart(guest.id).line("STUDENT-TEA")?.unit_price?.amount == "10.00")

            // A stale If-Match is refused with the current cart.
            let stale = try await carts.send(.delete, "/v1/carts/\(guest.id)/customer", headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)

            // Out of the group, a new sign-in prices as for a guest.
            #expect(try await groups.removeGroup(customer, "students").status == .ok)
            #expect(try await groups.groups(customer).isEmpty)
            #expect(try await groups.removeGroup(customer, "students").status == .notFound)
            let again = try await carts.send(.post, "/v1/carts/\(guest.id)/customer", body: ["customer_id": customer], headers: [.customerToken: token])
            #expect(try again.json(PricedCartBody.self).line("STUDENT-TEA")?.unit_price?.amount == "10.00")
        }
    }

    @Test func aCartCreatedForAMemberIsPricedForTheGroup() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            for (id, rows) in Self.prices { try await groups.product(id, prices: rows) }
            let customer = try await groups.customer(email: "member@example.com")
            #expect(try await groups.setGroup(customer, "students").status == .ok)
            let created = try await CartClient(client: client).create(market: "de", lines: [("STUDENT-TEA", 3)], customer: customer)
            let cart = try await groups.cart(created.id)
            #expect(cart.line("STUDENT-TEA")?.unit_price?.amount == "8.00" && cart.line("STUDENT-TEA")?.customer_group == "students")
        }
    }

    @Test(arguments: [
        ("vip", nil as String?, 400, "group"),
        ("Students", nil, 400, "group"),
        (String(repeating: "a", count: 41), nil, 400, "group"),
        ("students", #"{"expires_at": "2020-01-01T00:00:00Z"}"#, 400, "expires_at"),
        ("students", #"{"expires_at": "2027-02-30T00:00:00Z"}"#, 400, "expires_at"),
        ("students", #"{"expires_at": "tomorrow"}"#, 400, "expires_at"),
        ("students", #"{"expires_at": 5}"#, 400, "expires_at"),
        ("students", #"{"until": "2099-01-01T00:00:00Z"}"#, 400, "until"),
    ])
    func badGroupInputNamesTheField(_ group: String, _ body: String?, _ status: Int, _ field: String) async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            let customer = try await groups.customer(email: "bad@example.com")
            let response = try await groups.setGroup(customer, group, body: body)
            #expect(response.status.code == status, "\(response.text)")
            #expect(try response.json(ProblemBody.self).field == field)
            #expect(try await groups.groups(customer).isEmpty)
        }
    }

    @Test func problemsSpeakTheRequestLanguageAndNeedTheAdminKey() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            let customer = try await groups.customer(email: "sprache@example.com")
            let unknown = try await groups.setGroup(customer, "vip", language: "de")
            #expect(try unknown.json(ProblemBody.self).detail == "group: vip ist keine Kundengruppe des Markts de.")
            let past = try await groups.setGroup(customer, "students", body: #"{"expires_at": "2020-01-01T00:00:00Z"}"#, language: "de")
            #expect(
                try past.json(ProblemBody.self).detail
                    == "expires_at: muss ein späterer Zeitpunkt mit Zeitzone sein, zum Beispiel 2027-06-30T00:00:00Z.")
            #expect(try await groups.setGroup("cus_nobody", "students").status == .notFound)
            let withoutKey = try await client.execute(uri: "/v1/customers/\(customer)/groups/students", method: .put)
            #expect(withoutKey.status == .unauthorized)
        }
    }
}

@Suite("The price explanation for a customer group")
struct GroupPriceExplanationTests {
    struct Explanation: Decodable {
        struct Step: Decodable { let kind: String; let detail: String }
        let steps: [Step]
        let display: AmountBody
    }

    @Test func namesTheGroupAndRefusesOneTheMarketDoesNotDeclare() async throws {
        try await TestServer().run { client in
            let groups = GroupClient(client: client)
            for (id, rows) in CustomerGroupTests.prices { try await groups.product(id, prices: rows) }
            let explained = try await client.execute(uri: "/v1/markets/de/products/student-tea/price-explanation?customer_group=students", method: .get) {
                #expect($0.status == .ok, "\($0.text)")
                return try $0.json(Explanation.self)
            }
            #expect(explained.display.amount == "8.00" && explained.steps.first?.detail == "customer group 'students' price")
            let unknown = try await client.execute(
                uri: "/v1/markets/de/products/student-tea/price-explanation?customer_group=vip", method: .get, headers: [.acceptLanguage: "en"])
            #expect(unknown.status == .badRequest)
            let problem = try unknown.json(ProblemBody.self)
            #expect(problem.field == "customer_group" && problem.detail == "customer_group: vip is not a customer group of market de.")
        }
    }
}
