import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarAPI
import Testing

/// `GET /metrics`: the admin key's, in the Prometheus text format, with request counts and
/// durations per route template and status class, the page cache, rate limits and checkouts.
@Suite("Metrics in the Prometheus format")
struct MetricsRoutesTests {
    private let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)"]

    /// The sample of `name` whose labels include every one of `labels`; nil when there is none.
    private func sample(_ text: String, _ name: String, _ labels: [String] = []) -> Double? {
        PrometheusText.sample(text, name, labels)
    }

    private func scrape(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get, headers: admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return response.text
        }
    }

    @Test func onlyTheAdminKeyReadsMetrics() async throws {
        try await TestServer(channelKeys: true).run { client in
            let noKey = try await client.execute(uri: "/metrics", method: .get)
            #expect(noKey.status == .unauthorized)
            let web: HTTPFields = [.authorization: "Bearer \(TestServer.channelKeys["web"]!)"]
            let channel = try await client.execute(uri: "/metrics", method: .get, headers: web)
            #expect(channel.status == .forbidden)
            let admin = try await client.execute(uri: "/metrics", method: .get, headers: admin)
            #expect(admin.status == .ok)
        }
    }

    @Test func requestsAreCountedByRouteTemplateMethodAndStatusClass() async throws {
        try await TestServer().run { client in
            for _ in 0..<3 {
                let response = try await client.execute(uri: "/v1/markets/de/products/tea-rize-black", method: .get)
                #expect(response.status == .ok)
            }
            let unknown = try await client.execute(uri: "/v1/markets/de/products/no-such-tea", method: .get)
            #expect(unknown.status == .notFound)
            let text = try await scrape(client)
            let route = #"route="/v1/markets/{market}/products/{product}""#
            #expect(sample(text, "pasar_http_requests_total", [route, #"method="GET""#, #"status_class="2xx""#]) == 3, "\(text)")
            #expect(sample(text, "pasar_http_requests_total", [route, #"status_class="4xx""#]) == 1)
            #expect(!text.contains("tea-rize-black"), "paths and ids are no labels")
            #expect(sample(text, "pasar_http_request_duration_seconds_count", [route, #"status_class="2xx""#]) == 3)
            #expect(sample(text, "pasar_http_request_duration_seconds_bucket", [route, #"status_class="2xx""#, #"le="0.0005""#]) != nil)
            #expect(sample(text, "pasar_http_request_duration_seconds_bucket", [route, #"status_class="2xx""#, #"le="+Inf""#]) == 3)
            #expect(sample(text, "pasar_http_requests_in_flight") == 1, "the scrape itself is in flight")
            // Each of the four product reads looks in the page cache once; the repeated page is found there
            // (twice, unless five seconds, the cache's lifetime, pass between reads on a loaded machine).
            let hits = try #require(sample(text, "pasar_page_cache_hits_total"))
            let misses = try #require(sample(text, "pasar_page_cache_misses_total"))
            #expect(hits >= 1 && hits + misses == 4, "hits \(hits), misses \(misses)")
        }
    }

    @Test func rateLimitRefusalsAreCounted() async throws {
        try await TestServer(rateLimit: (0.001, 1)).run { client in
            _ = try await client.execute(uri: "/v1/markets/de/products/tea-rize-black", method: .get)
            let refused = try await client.execute(uri: "/v1/markets/de/products/tea-rize-black", method: .get)
            #expect(refused.status == .tooManyRequests)
            let text = try await client.execute(uri: "/metrics", method: .get, headers: admin) { $0.text }
            #expect(sample(text, "pasar_rate_limited_total") == 1, "\(text)")
        }
    }

    @Test func checkoutsArePlacedOrRefusedByReason() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let collect: [String: Any] = ["type": "collect", "store": "berlin-mitte"]
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let unkeyed = try await carts.send(.post, "/v1/carts/\(cart.id)/checkout", body: ["fulfilment": collect, "email": "a@example.com"])
            #expect(unkeyed.status == .badRequest)
            let unstocked = try await orders.checkout(cart.id, fulfilment: collect, key: "metrics-0")
            #expect(unstocked.status == .conflict, "\(unstocked.text)")
            let shortage = try unstocked.json(ProblemBody.self).code
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 5)
            let placed = try await orders.checkout(cart.id, fulfilment: collect, key: "metrics-1")
            #expect(placed.status == .created, "\(placed.text)")
            let repeated = try await orders.checkout(cart.id, fulfilment: collect, key: "metrics-1")
            #expect(repeated.status == .ok, "a retry places nothing")
            let text = try await scrape(client)
            #expect(sample(text, "pasar_checkouts_placed_total") == 1, "\(text)")
            #expect(sample(text, "pasar_checkouts_refused_total", [#"reason="invalid_field""#]) == 1)
            #expect(sample(text, "pasar_checkouts_refused_total", ["reason=\"\(shortage)\""]) == 1, "\(shortage)")
        }
    }

    @Test func cartWritesThatLoseARaceAreCounted() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let stale = try await carts.send(
                .post, "/v1/carts/\(cart.id)/lines", body: ["sku": "TEA-RIZE-BLACK-250G"], headers: [.ifMatch: "\"\(cart.version + 5)\""])
            #expect(stale.status == .preconditionFailed, "\(stale.text)")
            let text = try await scrape(client)
            #expect(sample(text, "pasar_cart_writes_refused_total", [#"reason="stale_cart""#]) == 1, "\(text)")
            #expect(sample(text, "pasar_database_unavailable_total") == nil, "nothing unavailable here")
        }
    }
}
