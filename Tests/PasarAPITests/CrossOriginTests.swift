import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import PasarAPI
import PasarTestSupport
import Testing

private let shop = TestServer.shopOrigin
private let webKey = TestServer.channelKeys["web"]!

private func preflight(_ path: String, origin: String, method: String = "POST") -> (String, HTTPFields) {
    (path, [.origin: origin, .accessControlRequestMethod: method, .accessControlRequestHeaders: "authorization, content-type, if-match"])
}

@Suite("CORS: browser pages on the configured origins, and only there")
struct CrossOriginTests {
    @Test func aPreflightFromAnAllowedOriginNamesEveryHeaderTheRoutesRead() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [shop]).run { client in
            let (path, headers) = preflight("/v1/carts", origin: shop)
            try await client.execute(uri: path, method: .options, headers: headers) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == shop)
                #expect(response.headers[.accessControlMaxAge] == "600")
                #expect(response.headers[.vary] == "Origin")
                let methods = response.headers[.accessControlAllowMethods] ?? ""
                for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] { #expect(methods.contains(method), "\(methods)") }
                let allowed = response.headers[.accessControlAllowHeaders] ?? ""
                for header in [
                    "Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Pasar-Channel", "Pasar-Customer-Token",
                    "Accept-Language",
                ] {
                    #expect(allowed.contains(header), "\(allowed)")
                }
            }
        }
    }

    @Test func anotherOriginAndTheAdminRoutesGetNoCORSHeaderAtAll() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [shop]).run { client in
            for (path, origin) in [
                ("/v1/carts", "https://evil.example"), ("/v1/carts", "https://shop.example.evil.example"), ("/v1/carts", "http://shop.example"),
                ("/v1/admin/products/x", shop), ("/v1/events", shop), ("/v1/customers/c1/overview", shop),
            ] {
                let (uri, headers) = preflight(path, origin: origin)
                try await client.execute(uri: uri, method: .options, headers: headers) { response in
                    #expect(response.headers[.accessControlAllowOrigin] == nil, "\(path) from \(origin)")
                    #expect(response.headers[.accessControlAllowMethods] == nil, "\(path) from \(origin)")
                }
            }
            var admin: HTTPFields = [.origin: shop, .authorization: "Bearer \(TestServer.adminKey)"]
            admin[.contentType] = "application/json"
            try await client.execute(uri: "/v1/events", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == nil, "admin answers are never readable cross-origin")
            }
        }
    }

    @Test func responsesAndRefusalsCarryTheOriginAndExposeTheHeadersClientsRead() async throws {
        try await TestServer(channelKeys: true, rateLimit: (0.01, 1), crossOrigins: [shop]).run { client in
            try await client.execute(
                uri: "/v1/markets/de/products/tea-rize-black?lang=de", method: .get, headers: [.origin: shop, .authorization: "Bearer \(webKey)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == shop)
                let exposed = response.headers[.accessControlExposeHeaders] ?? ""
                for header in ["ETag", "Content-Language", "Retry-After", "X-Request-Id", "Location"] { #expect(exposed.contains(header), "\(exposed)") }
                #expect(response.headers[values: .vary].contains("Origin"))
            }
            // 429: the bucket of one request (refilled every 100 s, so a slow machine cannot refill it) is spent.
            try await client.execute(uri: "/v1/markets", method: .get, headers: [.origin: shop, .authorization: "Bearer \(webKey)"]) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.accessControlAllowOrigin] == shop)
            }
            try await client.execute(uri: "/v1/markets", method: .get, headers: [.origin: shop, .authorization: "Bearer not-a-key-0123456789"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.accessControlAllowOrigin] == shop, "a browser can read why it was refused")
            }
            try await client.execute(uri: "/v1/markets", method: .get, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }

    @Test func aPublishableKeyWorksOnlyFromItsOriginsAndOnlyOnStorefrontRoutes() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [shop]).run { client in
            let key: HTTPFields = [.authorization: "Bearer \(TestServer.publishableKey)", .contentType: "application/json", .acceptLanguage: "de"]
            var fromShop = key
            fromShop[.origin] = shop
            try await client.execute(uri: "/v1/carts", method: .post, headers: fromShop, body: ByteBuffer(string: #"{"market": "de"}"#)) { response in
                #expect(response.status == .created, "\(response.text)")
                let created = try response.json(CartBody.self)
                #expect(created.currency == "EUR")
            }
            var elsewhere = key
            elsewhere[.origin] = "https://evil.example"
            try await client.execute(uri: "/v1/carts", method: .post, headers: elsewhere, body: ByteBuffer(string: #"{"market": "de"}"#)) { response in
                #expect(response.status == .forbidden)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.code == "origin_not_allowed")
                #expect(problem.field == "Origin")
                #expect(problem.detail == "Dieser öffentliche Schlüssel darf von dieser Website aus nicht verwendet werden.")
            }
            try await client.execute(uri: "/v1/admin/products/x", method: .put, headers: fromShop, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .forbidden)
            }
            // Pages of the server itself (the demo's): the Origin names the host the request goes to
            // (this test client sends `Host: localhost`; a browser adds the port, as below).
            var fromOwnPages = key
            fromOwnPages[.origin] = "http://localhost"
            try await client.execute(uri: "/v1/carts", method: .post, headers: fromOwnPages, body: ByteBuffer(string: #"{"market": "de"}"#)) { response in
                #expect(response.status == .created, "\(response.text)")
            }
        }
    }

    @Test func shoppersBehindOnePublishableKeySpendTheirOwnBudgets() async throws {
        try await TestServer(channelKeys: true, rateLimit: (0.01, 1), crossOrigins: [shop]).run { client in
            let port = try #require(client.port)
            func call(from address: String, key: String) throws -> Int {
                try RawHTTP.status(
                    port: port, from: address, method: "GET", path: "/v1/markets", headers: ["Authorization: Bearer \(key)", "Origin: \(shop)"])
            }
            // One shopper spends their budget of one request; the next shopper still has theirs.
            #expect(try call(from: "127.0.0.2", key: TestServer.publishableKey) == 200)
            #expect(try call(from: "127.0.0.2", key: TestServer.publishableKey) == 429)
            #expect(try call(from: "127.0.0.3", key: TestServer.publishableKey) == 200)
            // A secret key is one budget wherever it calls from.
            #expect(try call(from: "127.0.0.2", key: webKey) == 200)
            #expect(try call(from: "127.0.0.3", key: webKey) == 429)
        }
    }

    @Test(arguments: [
        ("http://localhost:8080", "localhost:8080", true), ("https://Shop.Example", "shop.example", true),
        ("http://localhost:8081", "localhost:8080", false), ("http://evil.example", "localhost:8080", false), ("null", "localhost:8080", false),
    ])
    func aPageOfTheServerItselfIsItsOwnOrigin(origin: String, host: String, same: Bool) {
        #expect(CallerMiddleware.isSameOrigin(origin, host: host) == same)
    }

    @Test func aStreamTokenOpensTheCartStreamFromAnEventSourceWithoutTheKey() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [shop]).run { client in
            let web: HTTPFields = [.authorization: "Bearer \(webKey)", .contentType: "application/json"]
            let cart = try await client.execute(uri: "/v1/carts", method: .post, headers: web, body: ByteBuffer(string: #"{"market": "de"}"#)) {
                try $0.json(CartBody.self)
            }
            let other = try await client.execute(uri: "/v1/carts", method: .post, headers: web, body: ByteBuffer(string: #"{"market": "de"}"#)) {
                try $0.json(CartBody.self)
            }
            let issued = try await client.execute(uri: "/v1/carts/\(cart.id)/stream-tokens", method: .post, headers: web) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(StreamTokenBody.self)
            }
            #expect(issued.eventsURL == "/v1/carts/\(cart.id)/events?stream_token=\(issued.token)")
            // Without a key the stream is refused; with another cart's token, or a forged one, too.
            for uri in [
                "/v1/carts/\(cart.id)/events", "/v1/carts/\(other.id)/events?stream_token=\(issued.token)",
                "/v1/carts/\(cart.id)/events?stream_token=\(issued.token.dropLast(2))xx",
                "/v1/carts/\(cart.id)?stream_token=\(issued.token)",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                }
            }
            let port = try #require(client.port)
            let events = try SSEReader(port: port, path: issued.eventsURL, headers: ["Accept-Language: de", "Origin: \(shop)"])
            var iterator = events.events.makeAsyncIterator()
            let initial = try #require(await iterator.next())
            #expect(initial.name == "cart")
            #expect(try JSONDecoder().decode(CartBody.self, from: Data(initial.data.utf8)).id == cart.id)
            events.close()
        }
    }
}

private struct StreamTokenBody: Decodable {
    let token: String
    let expiresAt: String
    let eventsURL: String

    enum CodingKeys: String, CodingKey {
        case token, expiresAt = "expires_at", eventsURL = "events_url"
    }
}
