import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarAPI
import PasarTestSupport
import Testing

/// The database's series on `/metrics`: connection waits and use, and the outbox lag read at scrape
/// time; on SQLite, or on PostgreSQL with `PASAR_TEST_POSTGRES_URL`.
@Suite("Database and outbox metrics")
struct DatabaseMetricsTests {
    private let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)"]
    private let database = (try? TestPostgres.server()) == nil ? #"database="sqlite""# : #"database="postgresql""#

    private func scrape(_ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/metrics", method: .get, headers: admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return response.text
        }
    }

    @Test func connectionWaitsAreTimedAndConnectionsCounted() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let before = try await scrape(client)
            let write = [database, #"access="write""#]
            let read = [database, #"access="read""#]
            let writes = try #require(PrometheusText.sample(before, "pasar_database_pool_wait_seconds_count", write), "\(before)")
            let reads = try #require(PrometheusText.sample(before, "pasar_database_pool_wait_seconds_count", read))
            #expect(writes >= 1, "creating a cart wrote")
            #expect(PrometheusText.sample(before, "pasar_database_pool_wait_seconds_bucket", write + [#"le="+Inf""#]) == writes)

            _ = try await carts.send(.post, "/v1/carts/\(cart.id)/lines", body: ["sku": "TEA-RIZE-BLACK-500G"])
            let shown = try await client.execute(uri: "/v1/carts/\(cart.id)", method: .get)
            #expect(shown.status == .ok)
            let after = try await scrape(client)
            #expect(try #require(PrometheusText.sample(after, "pasar_database_pool_wait_seconds_count", write)) > writes, "\(after)")
            #expect(try #require(PrometheusText.sample(after, "pasar_database_pool_wait_seconds_count", read)) > reads)
            // Nothing runs between requests: no connection in use, nobody waiting.
            for labels in [write, read] {
                #expect(PrometheusText.sample(after, "pasar_database_pool_in_use", labels) == 0)
                #expect(PrometheusText.sample(after, "pasar_database_pool_waiting", labels) == 0)
            }
            #expect(PrometheusText.sample(after, "pasar_database_statement_errors_total", [database, #"reason="other""#]) == 0)
        }
    }

    @Test func outboxLagIsTheAgeOfTheOldestUndeliveredEvent() async throws {
        let server = try await TestServer(allowPrivateWebhooks: true)
        let webhooks = try #require(server.services.webhooks)
        try await server.run { client in
            let webhook = [#"kind="webhook""#]
            let idle = try await scrape(client)
            #expect(PrometheusText.sample(idle, "pasar_outbox_lag_seconds", webhook) == 0, "\(idle)")
            #expect(PrometheusText.sample(idle, "pasar_outbox_lag_seconds", [#"kind="email""#]) == 0)

            // A receiver that is not listening (the discard port), so nothing is delivered.
            let subscribed = try await client.execute(
                uri: "/v1/admin/webhooks", method: .post, headers: admin,
                body: ByteBuffer(string: #"{"url": "http://127.0.0.1:9/hook", "events": ["order_placed"]}"#))
            #expect(subscribed.status == .created, "\(subscribed.text)")
            #expect(PrometheusText.sample(try await scrape(client), "pasar_outbox_lag_seconds", webhook) == 0, "nothing happened yet")

            let cart = try await CartClient(client: client).create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 1)
            let placed = try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "lag-1")
            #expect(placed.status == .created, "\(placed.text)")
            try await Task.sleep(for: .milliseconds(20))
            // The event waits past the subscription's cursor (no sender runs here)…
            let waiting = try #require(PrometheusText.sample(try await scrape(client), "pasar_outbox_lag_seconds", webhook))
            #expect(waiting > 0)
            // …and then as a pending delivery, older still.
            try await webhooks.fanOut(now: Date())
            try await Task.sleep(for: .milliseconds(20))
            let pending = try #require(PrometheusText.sample(try await scrape(client), "pasar_outbox_lag_seconds", webhook))
            #expect(pending > waiting)
        }
    }
}
