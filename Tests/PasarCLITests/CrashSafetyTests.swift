import Foundation
import Synchronization
import Testing

/// The process-level promises: a SIGKILL in the middle of writes loses no acknowledged write and
/// leaves nothing half-written; SIGTERM stops cleanly with the database closed.
@Suite("pasar serve: crash safety and graceful shutdown", .serialized)
struct CrashSafetyTests {
    private func temporaryDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("pasar.sqlite").path
    }

    @Test func aKilledServerKeepsEveryAcknowledgedWriteAndOrder() async throws {
        let database = try temporaryDatabase()
        let server = try await ServerProcess(database: database)
        let stock = ["location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-500G", "delta": 10_000, "reason": "receipt"] as [String: Any]
        let received = try await server.admin("POST", "/v1/admin/inventory/adjustments", json: stock)
        #expect(received.status == 201)
        let startingStock = try #require(ServerProcess.object(received.body)["available"] as? Int, "the demo stock plus the receipt")
        let created = try await server.request("POST", "/v1/carts", json: ["market": "de"])
        #expect(created.status == 201)
        let cartID = try #require(ServerProcess.object(created.body)["id"] as? String)

        // Four writers add one unit at a time to one cart while two others check out one-line carts
        // (click & collect, taking stock); after 40 acknowledged adds the server is killed while
        // every writer is still sending.
        let counts = WriteCounts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while true {
                        counts.attempted.add(1, ordering: .relaxed)
                        guard let response = try? await server.request("POST", "/v1/carts/\(cartID)/lines", json: ["sku": "TEA-RIZE-BLACK-250G"]),
                            response.status == 200
                        else { return }
                        if counts.acknowledged.add(1, ordering: .relaxed).newValue == 40 { server.kill(signal: SIGKILL) }
                    }
                }
            }
            for writer in 0..<2 {
                group.addTask {
                    for attempt in 0... {
                        let body = ["market": "de", "lines": [["sku": "TEA-RIZE-BLACK-500G"]]] as [String: Any]
                        guard let cart = try? await server.request("POST", "/v1/carts", json: body), cart.status == 201,
                            let id = ServerProcess.object(cart.body)["id"] as? String
                        else { return }
                        counts.checkoutsAttempted.add(1, ordering: .relaxed)
                        let checkout = ["fulfilment": ["type": "collect", "store": "berlin-mitte"], "email": "kunde@example.com"] as [String: Any]
                        guard
                            let placed = try? await server.request(
                                "POST", "/v1/carts/\(id)/checkout", json: checkout, headers: ["Idempotency-Key": "crash-\(writer)-\(attempt)"]),
                            placed.status == 201, let order = ServerProcess.object(placed.body)["id"] as? String
                        else { return }
                        counts.record(order: order)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await server.waitForExit() != 0, "killed, not stopped")

        let restarted = try await ServerProcess(database: database)
        defer { restarted.kill(signal: SIGTERM) }
        let read = try await restarted.request("GET", "/v1/carts/\(cartID)")
        #expect(read.status == 200)
        let cart = ServerProcess.object(read.body)
        let quantity = (cart["lines"] as? [[String: Any]])?.first?["quantity"] as? Int ?? 0
        #expect(quantity >= counts.acknowledged.load(ordering: .relaxed), "every acknowledged add survived")
        #expect(quantity <= counts.attempted.load(ordering: .relaxed))
        #expect(cart["version"] as? Int == 1 + quantity, "each add changed the line and the version together, or not at all")

        let acknowledgedOrders = counts.orders
        #expect(!acknowledgedOrders.isEmpty, "checkouts ran before the kill")
        for order in acknowledgedOrders {
            #expect(try await restarted.admin("GET", "/v1/orders/\(order)").status == 200, "acknowledged order \(order) survived")
        }
        let events = try await restarted.admin("GET", "/v1/events?limit=500")
        let placed = (ServerProcess.object(events.body)["events"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "order_placed" }.count
        let levels = ServerProcess.object(try await restarted.admin("GET", "/v1/admin/inventory/TEA-RIZE-BLACK-500G").body)["levels"] as? [[String: Any]]
        let available = levels?.first { $0["location"] as? String == "berlin-mitte" }?["available"] as? Int
        #expect(placed >= acknowledgedOrders.count && placed <= counts.checkoutsAttempted.load(ordering: .relaxed))
        #expect(available == startingStock - placed, "every stored order took its unit of stock and no unit was taken without an order")
        restarted.kill(signal: SIGTERM)
        _ = await restarted.waitForExit()
    }

    @Test func sigtermStopsCleanlyAndClosesTheDatabase() async throws {
        let database = try temporaryDatabase()
        let server = try await ServerProcess(database: database)
        #expect(try await server.request("POST", "/v1/carts", json: ["market": "fr"]).status == 201)
        server.kill(signal: SIGTERM)
        #expect(await server.waitForExit() == 0)
        let wal = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "the write-ahead log was checkpointed into the database on close")
    }
}

/// Requests sent and acknowledged by the writers of the crash test.
final class WriteCounts: Sendable {
    let attempted = Atomic<Int>(0)
    let acknowledged = Atomic<Int>(0)
    let checkoutsAttempted = Atomic<Int>(0)
    private let placed = Mutex<[String]>([])

    func record(order: String) { placed.withLock { $0.append(order) } }
    var orders: [String] { placed.withLock { $0 } }
}
