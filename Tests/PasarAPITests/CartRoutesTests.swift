import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarStorage
import PasarTestSupport
import Testing

/// Expected strings of the cart tests, written out in Fixtures/api/cart.json.
struct CartFixtures: Decodable {
    struct Journey: Decodable {
        let language: String
        let subtotal: String
        let discount: String
        let shipping: String
        let tax: String
        let total: String
        let cash_total: String
        let cash_adjustment: String
    }

    struct Switch: Decodable {
        let unit_price: String
        let total: String
        let unavailable_reason: String
    }

    let journey: Journey
    let market_switch: Switch
    let voucher_messages: [String: String]

    static let all = Fixtures.decode(CartFixtures.self, from: "api/cart.json")
}

@Suite("Shared cart over HTTP: channels, totals, concurrency, merge, markets, vouchers")
struct CartRoutesTests {
    @Test func aCartStartedOnThePhoneIsContinuedOnTheWebAndPaidAtThePOS() async throws {
        let expected = CartFixtures.all.journey
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let created = try await carts.create(market: "ch", channel: "mobile", lines: [("TEA-PANDAN-GREEN", 1)])
            #expect(created.version == 2, "created, then one line added")
            let added = try await carts.add(created.id, sku: "SPICE-KERINCI-CINNAMON", channel: "web")
            #expect(added.status == .ok, "\(added.text)")
            let voucher = try await carts.send(.post, "/v1/carts/\(created.id)/vouchers", body: ["code": " welcome10 "], channel: "web")
            #expect(voucher.status == .ok, "\(voucher.text)")

            let pos = try await carts.get(created.id, channel: "pos", language: expected.language)
            #expect(pos.channels == ["mobile", "web"], "reading does not touch the cart")
            #expect(pos.line("TEA-PANDAN-GREEN")?.channel == "mobile")
            #expect(pos.line("SPICE-KERINCI-CINNAMON")?.channel == "web")
            #expect(pos.vouchers.map(\.code) == ["WELCOME10"] && pos.vouchers.allSatisfy(\.applied))
            #expect(pos.totals.subtotal.formatted == expected.subtotal)
            #expect(pos.totals.discount.formatted == expected.discount)
            #expect(pos.totals.shipping.formatted == expected.shipping)
            #expect(pos.totals.tax.formatted == expected.tax)
            #expect(pos.totals.total.formatted == expected.total)
            #expect(pos.cash.total.formatted == expected.cash_total)
            #expect(pos.cash.adjustment.formatted == expected.cash_adjustment)
            // Everything adds up to the minor unit.
            let lineTotals = pos.lines.compactMap { $0.total?.amount }
            #expect(sumDecimals(lineTotals + [pos.totals.shipping.amount]) == pos.totals.total.amount)
            #expect(sumDecimals(pos.lines.compactMap { $0.discount?.amount }) == pos.totals.discount.amount)
            #expect(addDecimals(pos.totals.net.amount, pos.totals.tax.amount) == pos.totals.total.amount)
            for line in pos.lines {
                #expect(addDecimals(try #require(line.net?.amount), try #require(line.tax?.amount)) == line.total?.amount)
            }
        }
    }

    @Test func fiftyConcurrentAddsFromDifferentChannelsLoseNothing() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de")
            let channels = ["web", "mobile", "pos", "marketplace", "support"]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<50 {
                    group.addTask { try await carts.add(cart.id, sku: "TEA-RIZE-BLACK-250G", channel: channels[index % channels.count]).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .ok })
            let final = try await carts.get(cart.id)
            #expect(final.lines.count == 1)
            #expect(final.line("TEA-RIZE-BLACK-250G")?.quantity == 50)
            #expect(final.version == 51)
            #expect(Set(final.channels) == Set(channels))
        }
    }

    @Test func aStaleIfMatchGets412WithTheCurrentCart() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de")
            let first = try await carts.send(.post, "/v1/carts/\(cart.id)/lines", body: ["sku": "TEA-RIZE-BLACK-250G"], headers: [.ifMatch: "\"1\""])
            #expect(first.status == .ok)
            #expect(first.headers[.eTag] == "\"2\"")
            let stale = try await carts.send(.post, "/v1/carts/\(cart.id)/lines", body: ["sku": "TEA-RIZE-BLACK-250G"], headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.eTag] == "\"2\"")
            let body = try stale.json(StaleCartBody.self)
            #expect(body.code == "stale_cart")
            #expect(body.cart.version == 2)
            #expect(body.cart.line("TEA-RIZE-BLACK-250G")?.quantity == 1, "the stale write changed nothing")
        }
    }

    @Test func badInputIsRefusedAndLeavesTheCartUnchanged() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2)])
            let cases: [(body: String, status: HTTPResponse.Status, field: String)] = [
                (#"{"sku": "NO-SUCH-SKU"}"#, .badRequest, "sku"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": 0}"#, .badRequest, "quantity"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": -3}"#, .badRequest, "quantity"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": 1000}"#, .badRequest, "quantity"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": 1e30}"#, .badRequest, "quantity"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": "two"}"#, .badRequest, "quantity"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "quantity": 998}"#, .badRequest, "quantity"),
                (#"{"sku": "SPICE-SAMBAL-MATAH"}"#, .unprocessableContent, "sku"),
                (#"{"quantity": 1}"#, .badRequest, "sku"),
                (#"{"sku": "TEA-RIZE-BLACK-250G", "qty": 2}"#, .badRequest, "qty"),
                (#"{"sku": "TEA-RIZE"#, .badRequest, "body"),
            ]
            for (body, status, field) in cases {
                let response = try await client.execute(
                    uri: "/v1/carts/\(cart.id)/lines", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body))
                #expect(response.status == status, "\(body): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.json(ProblemBody.self).field == field, "\(body)")
            }
            let invalidUTF8 = try await client.execute(
                uri: "/v1/carts/\(cart.id)/lines", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: Array(#"{"sku": "TEA-"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)))
            #expect(invalidUTF8.status == .badRequest)
            #expect(try invalidUTF8.json(ProblemBody.self).field == "body")
            let channel = try await carts.add(cart.id, sku: "TEA-RIZE-BLACK-250G", channel: "teleport")
            #expect(channel.status == .badRequest)
            #expect(try channel.json(ProblemBody.self).field == "Pasar-Channel")
            let unchanged = try await carts.get(cart.id)
            #expect(unchanged.version == cart.version)
            #expect(unchanged.line("TEA-RIZE-BLACK-250G")?.quantity == 2)
            let unknown = try await carts.send(.get, "/v1/carts/AAAAAAAAAAAAAAAAAAAAAAAA")
            #expect(unknown.status == .notFound)
            let badLines = try await carts.send(.post, "/v1/carts", body: ["market": "de", "lines": [["sku": "TEA-RIZE-BLACK-250G"], ["sku": "NOPE"]]])
            #expect(badLines.status == .badRequest)
            #expect(try badLines.json(ProblemBody.self).field == "lines[1].sku")
        }
    }

    @Test func switchingTheMarketRepricesAndFlagsWhatIsNotSoldThere() async throws {
        let expected = CartFixtures.all.market_switch
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 2), ("SPICE-LEBKUCHEN-MIX", 1)])
            let switched = try await carts.send(.put, "/v1/carts/\(cart.id)/market", body: ["market": "jp"], language: "ja")
            #expect(switched.status == .ok, "\(switched.text)")
            let body = try switched.json(CartBody.self)
            #expect(body.market == "jp" && body.currency == "JPY" && body.language == "ja")
            let tea = try #require(body.line("TEA-RIZE-BLACK-250G"))
            #expect(tea.available && tea.quantity == 2)
            #expect(tea.unit_price?.formatted == expected.unit_price)
            let lebkuchen = try #require(body.line("SPICE-LEBKUCHEN-MIX"), "kept, not dropped")
            #expect(!lebkuchen.available)
            #expect(lebkuchen.unavailable_reason == expected.unavailable_reason)
            #expect(body.item_count == 2)
            #expect(body.totals.total.formatted == expected.total)
        }
    }

    @Test func vouchersAreCheckedAndTheDiscountIsAllocatedOverTheLines() async throws {
        let messages = CartFixtures.all.voucher_messages
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            for code in ["NOSUCHCODE", "newyear2025", "SPRING2099", "RAMADAN15", "SOMMER5"] {
                let response = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": code])
                #expect(response.status == .unprocessableContent || response.status == .notFound, "\(code): \(response.text)")
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "code")
                #expect(problem.detail == messages[code.uppercased()], "\(code)")
            }
            _ = try await carts.add(cart.id, sku: "BATIK-CAP-SARONG-INDIGO", quantity: 1)
            _ = try await carts.add(cart.id, sku: "SPICE-MALUKU-CLOVES", quantity: 3)
            let applied = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "sommer5"])
            #expect(applied.status == .ok, "\(applied.text)")
            let withFixed = try applied.json(CartBody.self)
            #expect(withFixed.totals.discount.amount == "5.00")
            #expect(sumDecimals(withFixed.lines.compactMap { $0.discount?.amount }) == "5.00")
            #expect(sumDecimals(withFixed.lines.compactMap { $0.total?.amount } + [withFixed.totals.shipping.amount]) == withFixed.totals.total.amount)
            let second = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "WELCOME10"])
            #expect(try second.json(ProblemBody.self).code == "voucher_one_discount_per_cart")
            let freeShipping = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "FREESHIP"])
            let both = try freeShipping.json(CartBody.self)
            #expect(both.shipping?.free == true && both.totals.shipping.amount == "0.00")
            let removed = try await carts.send(.delete, "/v1/carts/\(cart.id)/vouchers/sommer5")
            #expect(try removed.json(CartBody.self).totals.discount.amount == "0.00")
        }
    }

    @Test func signingInMergesTheGuestCartIntoTheCustomersCart() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let customer = try await carts.create(market: "de", channel: "web", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: "cust-42")
            let guest = try await carts.create(market: "de", channel: "mobile", lines: [("TEA-RIZE-BLACK-250G", 2), ("SPICE-MALUKU-CLOVES", 1)])
            let token = try await carts.token(for: "cust-42")
            let signedIn = try await carts.send(
                .post, "/v1/carts/\(guest.id)/customer", body: ["customer_id": "cust-42"], channel: "mobile", headers: [.customerToken: token])
            #expect(signedIn.status == .ok, "\(signedIn.text)")
            let merged = try signedIn.json(CartBody.self)
            #expect(merged.id == customer.id)
            #expect(merged.line("TEA-RIZE-BLACK-250G")?.quantity == 3)
            #expect(merged.line("SPICE-MALUKU-CLOVES")?.quantity == 1)
            #expect(merged.merge?.merged_cart_id == guest.id)
            let kinds = Dictionary(uniqueKeysWithValues: (merged.merge?.changes ?? []).map { ($0.sku, $0.kind) })
            #expect(kinds == ["TEA-RIZE-BLACK-250G": "combined", "SPICE-MALUKU-CLOVES": "added"])
            #expect(Set(merged.channels) == ["web", "mobile"])
            let closed = try await carts.get(guest.id)
            #expect(closed.status == "merged" && closed.merged_into == customer.id)
            let write = try await carts.add(guest.id, sku: "TEA-RIZE-BLACK-250G")
            #expect(write.status == .conflict)
            let found = try await carts.send(.get, "/v1/carts?customer_id=cust-42&market=de", channel: "pos", headers: [.customerToken: token])
            #expect(try found.json(CartBody.self).id == customer.id)
            let duplicate = try await carts.send(.post, "/v1/carts", body: ["market": "de", "customer_id": "cust-42"], headers: [.customerToken: token])
            #expect(duplicate.status == .conflict)
        }
    }

    @Test func cartsSurviveARestart() async throws {
        let first = try await TestServer()
        let id = try await first.runReturning(keep: true) { client in
            try await CartClient(client: client).create(market: "gb", channel: "mobile", lines: [("TEA-RIZE-BLACK-250G", 4)]).id
        }
        try await TestServer(directory: first.directory).run { client in
            let cart = try await CartClient(client: client).get(id)
            #expect(cart.line("TEA-RIZE-BLACK-250G")?.quantity == 4)
            #expect(cart.channels == ["mobile"])
        }
    }

    @Test func inactiveCartsExpire() async throws {
        let server = try await TestServer(cartLifetime: 3600)
        let old = Date().addingTimeInterval(-7200)
        let stored = try await server.services.carts.create(
            NewCart(id: "AAAAAAAAAAAAAAAAAAAAAAAB", market: "de", currency: "EUR", customerID: nil, email: nil, channel: "web", now: old))
        try await server.run { client in
            let response = try await CartClient(client: client).send(.get, "/v1/carts/\(stored.id)")
            #expect(response.status == .notFound)
        }
    }

    @Test func abandonedCartsAreListedWithAOneTimeRecoveryToken() async throws {
        let server = try await TestServer()
        let twoDaysAgo = Date().addingTimeInterval(-2 * 24 * 3600)
        let carts = server.services.carts
        _ = try await carts.create(
            NewCart(id: "AbandonedCartWithEmail01", market: "de", currency: "EUR", customerID: nil, email: "ana@example.com", channel: "web", now: twoDaysAgo))
        _ = try await carts.addLine(
            NewCartLine(id: "line-1", sku: "TEA-RIZE-BLACK-250G", productID: "tea-rize-black", quantity: 2, price: LinePrice(unitMinorUnits: 690, taxRate: "7")),
            market: "de", limits: CartLimits(), write: CartWrite(cartID: "AbandonedCartWithEmail01", channel: "web", now: twoDaysAgo))
        _ = try await carts.create(NewCart(id: "AnonymousAbandonedCart01", market: "de", currency: "EUR", customerID: nil, email: nil, channel: "web", now: twoDaysAgo))
        try await server.run { client in
            let list = try await client.execute(
                uri: "/v1/admin/carts/abandoned?idle_hours=24", method: .get, headers: [.authorization: "Bearer \(TestServer.adminKey)"])
            #expect(list.status == .ok, "\(list.text)")
            struct Page: Decodable {
                struct Item: Decodable {
                    let cart_id: String
                    let email: String?
                    let item_count: Int
                    let recovery_token: String
                }
                let items: [Item]
            }
            let items = try list.json(Page.self).items
            #expect(items.map(\.cart_id) == ["AbandonedCartWithEmail01"], "carts without contact or lines are not listed")
            let token = try #require(items.first?.recovery_token)
            let cartClient = CartClient(client: client)
            let recovered = try await cartClient.send(.post, "/v1/carts/recover", body: ["token": token], channel: "pos")
            #expect(recovered.status == .ok, "\(recovered.text)")
            #expect(try recovered.json(CartBody.self).line("TEA-RIZE-BLACK-250G")?.quantity == 2)
            let again = try await cartClient.send(.post, "/v1/carts/recover", body: ["token": token])
            #expect(again.status == .gone)
            #expect(try again.json(ProblemBody.self).code == "token_used")
            let forged = try await cartClient.send(.post, "/v1/carts/recover", body: ["token": token.replacingOccurrences(of: ".", with: "x.")])
            #expect(forged.status == .badRequest)
        }
    }

    @Test func liveEventsReachAnotherScreenAfterAChange() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", channel: "pos")
            let port = try #require(client.port)
            let events = try SSEReader(port: port, path: "/v1/carts/\(cart.id)/events", headers: ["Pasar-Channel: pos", "Accept-Language: de"])
            var iterator = events.events.makeAsyncIterator()
            let initial = try #require(await iterator.next())
            #expect(initial.id == "1")
            _ = try await carts.add(cart.id, sku: "TEA-RIZE-BLACK-250G", channel: "mobile")
            let change = try #require(await iterator.next())
            #expect(change.id == "2")
            let body = try JSONDecoder().decode(CartBody.self, from: Data(change.data.utf8))
            #expect(body.line("TEA-RIZE-BLACK-250G")?.quantity == 1)
            #expect(body.language == "de")
            events.close()
        }
    }
}
