import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarAPI
import Testing

@Suite("Callers: API keys, scopes, customer tokens, rate limits")
struct SecurityTests {
    private func bearer(_ key: String) -> HTTPFields { [.authorization: "Bearer \(key)", .contentType: "application/json"] }

    @Test func channelKeysAreRequiredAndBindTheChannel() async throws {
        try await TestServer(channelKeys: true).run { client in
            let noKey = try await client.execute(uri: "/v1/markets/de/products", method: .get)
            #expect(noKey.status == .unauthorized)
            #expect(noKey.headers[.wwwAuthenticate] == "Bearer")
            let unknown = try await client.execute(uri: "/v1/markets/de/products", method: .get, headers: bearer("not-a-key-0123456789"))
            #expect(unknown.status == .unauthorized)
            let web = try await client.execute(uri: "/v1/markets/de/products", method: .get, headers: bearer(TestServer.channelKeys["web"]!))
            #expect(web.status == .ok)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok, "health checks need no key")

            let posKey = TestServer.channelKeys["pos"]!
            let created = try await client.execute(
                uri: "/v1/carts", method: .post, headers: bearer(posKey), body: try CartClient.json(["market": "de", "lines": [["sku": "TEA-RIZE-BLACK-250G"]]]))
            #expect(created.status == .created, "\(created.text)")
            let cart = try created.json(CartBody.self)
            #expect(cart.channels == ["pos"], "the channel comes from the key")
            var spoofed = bearer(posKey)
            spoofed[.channel] = "web"
            let wrongChannel = try await client.execute(uri: "/v1/carts/\(cart.id)", method: .get, headers: spoofed)
            #expect(wrongChannel.status == .forbidden)
        }
    }

    @Test func channelKeysCannotReachAdminRoutes() async throws {
        try await TestServer(channelKeys: true).run { client in
            let asChannel = try await client.execute(uri: "/v1/admin/markets/reload", method: .post, headers: bearer(TestServer.channelKeys["web"]!))
            #expect(asChannel.status == .forbidden)
            #expect(try asChannel.json(ProblemBody.self).code == "forbidden")
            let asAdmin = try await client.execute(uri: "/v1/admin/markets/reload", method: .post, headers: bearer(TestServer.adminKey))
            #expect(asAdmin.status == .ok)
        }
    }

    @Test func customerDataNeedsThatCustomersToken() async throws {
        try await TestServer(channelKeys: true).run { client in
            let web = TestServer.channelKeys["web"]!
            let issued = try await client.execute(
                uri: "/v1/admin/customer-tokens", method: .post, headers: bearer(TestServer.adminKey),
                body: try CartClient.json(["customer_id": "ana", "lifetime_seconds": 600]))
            #expect(issued.status == .created)
            struct Issued: Decodable { let token: String }
            let token = try issued.json(Issued.self).token
            var withToken = bearer(web)
            withToken[.customerToken] = token

            let create = try CartClient.json(["market": "de", "customer_id": "ana"])
            let missing = try await client.execute(uri: "/v1/carts", method: .post, headers: bearer(web), body: create)
            #expect(missing.status == .unauthorized)
            #expect(try missing.json(ProblemBody.self).code == "customer_token_required")
            let created = try await client.execute(uri: "/v1/carts", method: .post, headers: withToken, body: create)
            #expect(created.status == .created, "\(created.text)")

            let other = try await client.execute(uri: "/v1/carts?customer_id=bob&market=de", method: .get, headers: withToken)
            #expect(other.status == .forbidden, "ana's token does not open bob's cart")
            var forged = bearer(web)
            forged[.customerToken] = String(token.dropLast(2)) + "xx"
            let tampered = try await client.execute(uri: "/v1/carts?customer_id=ana&market=de", method: .get, headers: forged)
            #expect(tampered.status == .unauthorized)
            let own = try await client.execute(uri: "/v1/carts?customer_id=ana&market=de", method: .get, headers: withToken)
            #expect(own.status == .ok)
            let support = try await client.execute(uri: "/v1/carts?customer_id=ana&market=de", method: .get, headers: bearer(TestServer.adminKey))
            #expect(support.status == .ok, "support reads with the admin key")
        }
    }

    @Test func aCallerOverItsBudgetGets429WithRetryAfter() async throws {
        // A refill of one request per 1000 s: however slow the machine, the bucket stays empty.
        try await TestServer(channelKeys: true, rateLimit: (0.001, 3)).run { client in
            let pos = bearer(TestServer.channelKeys["pos"]!)
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<4 {
                let response = try await client.execute(uri: "/v1/markets", method: .get, headers: pos)
                statuses.append(response.status)
                if response.status == .tooManyRequests { retryAfter = response.headers[.retryAfter] }
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            #expect((retryAfter.flatMap(Int.init) ?? 0) > 900, "about 1000 s until the next token")
            let web = try await client.execute(uri: "/v1/markets", method: .get, headers: bearer(TestServer.channelKeys["web"]!))
            #expect(web.status == .ok, "each key has its own budget")
        }
    }
}

@Suite("Staff keys from the environment")
struct StaffKeyEnvironmentTests {
    @Test func aChannelNamesItsStoresAfterAnAt() throws {
        let entries = try APIKeyring.entries(fromEnvironment: "web=web-key-0123456789abcdef, pos@zurich-hb@geneve-rive=staff-key-0123456789ab")
        #expect(entries.map(\.name) == ["web", "pos@zurich-hb@geneve-rive"])
        #expect(entries[0].stores == nil && entries[1].stores == ["zurich-hb", "geneve-rive"])
        #expect(entries[1].role == .channel("pos"))
        #expect(throws: KeyringError.self) { try APIKeyring.entries(fromEnvironment: "pos@=staff-key-0123456789ab") }
    }
}
