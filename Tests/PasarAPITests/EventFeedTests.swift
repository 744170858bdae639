import Foundation
import HummingbirdTesting
import Testing

@Suite("Event feed: cursor pagination over the outbox")
struct EventFeedTests {
    @Test func pagesFollowTheCursorWithoutGapsOrRepeats() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 10)
            var placed: [String] = []
            for index in 0..<3 {
                let cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)])
                let order = try orders.placed(try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": "berlin-mitte"], key: "feed-\(index)"))
                #expect(try await orders.setStatus(order.id, "paid").status == .ok)
                placed.append(order.id)
            }
            var seen: [EventPageBody.Event] = []
            var cursor = "0"
            while true {
                let page = try await orders.events(after: cursor, limit: 4)
                if page.events.isEmpty {
                    #expect(page.next_cursor == cursor, "an empty page keeps the cursor")
                    break
                }
                seen += page.events
                cursor = page.next_cursor
            }
            #expect(seen.count == 6 && Set(seen.map(\.id)).count == 6)
            #expect(seen.map(\.type) == ["order_placed", "order_paid", "order_placed", "order_paid", "order_placed", "order_paid"])
            #expect(seen.map(\.order_id) == placed.flatMap { [$0, $0] })
            let bad = try await client.execute(uri: "/v1/events?after=yesterday", method: .get, headers: OrderClient.admin)
            #expect(bad.status == .badRequest)
            #expect(try bad.json(ProblemBody.self).field == "after")
            #expect(try await client.execute(uri: "/v1/events", method: .get).status == .unauthorized)
        }
    }
}
