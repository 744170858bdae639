import Foundation
import PasarTestSupport
import Testing

/// Whether Python with `standardwebhooks` is installed; `PASAR_TEST_WEBHOOKS=1` (CI) makes it required.
private let receiverAvailable: Bool = {
    if ProcessInfo.processInfo.environment["PASAR_TEST_WEBHOOKS"] == "1" { return true }
    return (try? CommandRunner.runProgram("/usr/bin/env", ["python3", "-c", "import standardwebhooks"]).status) == 0
}()

/// Webhooks from a real `pasar serve` to a real receiver that verifies each signature with the
/// `standardwebhooks` library: retried after failures, every event at least once, nothing lost when
/// the server is killed in the middle of a delivery.
@Suite("Webhooks reach a real receiver", .enabled(if: receiverAvailable, "needs python3 with standardwebhooks"))
struct WebhookDeliveryTests {
    static let options = ["--allow-private-webhooks", "--webhook-retry-scale", "0.001"]

    /// Subscribes the receiver to every event; returns the subscription id.
    private func subscribe(_ receiver: WebhookReceiver, on server: ServerProcess) async throws -> String {
        let made = try await server.admin("POST", "/v1/admin/webhooks", json: ["url": receiver.url, "description": "test receiver"])
        #expect(made.status == 201, "\(String(decoding: made.body, as: UTF8.self))")
        let subscription = ServerProcess.object(made.body)
        try await receiver.setSecret(try #require(subscription["secret"] as? String))
        return try #require(subscription["id"] as? String)
    }

    /// Places a click & collect order in Germany; returns its id.
    private func placeOrder(on server: ServerProcess) async throws -> String {
        let cart = ServerProcess.object(try await server.request("POST", "/v1/carts", json: ["market": "de", "lines": [["sku": "TEA-RIZE-BLACK-250G"]]]).body)
        let id = try #require(cart["id"] as? String)
        let checkout = try await server.request(
            "POST", "/v1/carts/\(id)/checkout", json: ["fulfilment": ["type": "collect", "store": "berlin-mitte"], "email": "kunde@example.com"],
            headers: ["Idempotency-Key": "webhook-\(id)", "Accept-Language": "de"])
        #expect(checkout.status == 201, "\(String(decoding: checkout.body, as: UTF8.self))")
        return try #require(ServerProcess.object(checkout.body)["id"] as? String)
    }

    private func temporaryDatabase() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-webhooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("pasar.sqlite").path, folder)
    }

    @Test func failuresAreRetriedAndEveryEventArrivesSignedWithItsOrderInItsLanguage() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let receiver = try await WebhookReceiver(["--fail-first", "3"])
        defer { receiver.stop() }
        let server = try await ServerProcess(database: database, extraArguments: Self.options)
        defer { server.kill(signal: SIGKILL) }
        let subscription = try await subscribe(receiver, on: server)
        let order = try await placeOrder(on: server)
        let paid = try await server.admin("POST", "/v1/admin/orders/\(order)/status", json: ["status": "paid"])
        #expect(paid.status == 200, "\(String(decoding: paid.body, as: UTF8.self))")

        let log = try #require(try await receiver.wait(delivered: 2), "the two events did not arrive")
        #expect(log.allSatisfy { $0.verified }, "\(log.compactMap(\.error))")
        #expect(log.prefix(3).allSatisfy { $0.answered == 500 })
        let delivered = log.filter { $0.answered == 200 }
        #expect(Set(delivered.map(\.type)) == ["order_placed", "order_paid"])
        #expect(delivered.first { $0.type == "order_placed" }?.resource_sequence == 1)
        #expect(delivered.first { $0.type == "order_paid" }?.resource_sequence == 2)
        #expect(delivered.first { $0.type == "order_placed" }?.formatted == "6,90\u{a0}€", "amounts as the API formats them, in the order's language")
        // Retries keep the message id; each attempt is signed afresh.
        for id in Set(log.compactMap(\.id)) {
            let attempts = log.filter { $0.id == id }
            #expect(attempts.last?.answered == 200)
        }

        let deliveries = ServerProcess.object(try await server.admin("GET", "/v1/admin/webhooks/\(subscription)/deliveries").body)
        let items = try #require(deliveries["items"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0["status"] as? String == "succeeded" })
        let attempts = items.flatMap { ($0["log"] as? [[String: Any]]) ?? [] }
        #expect(attempts.count == log.count)
        #expect(attempts.filter { $0["status_code"] as? Int == 500 }.count == 3)
    }

    @Test func aDeliveryCutShortByAKilledServerIsSentAgainAfterTheRestart() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let receiver = try await WebhookReceiver(["--hold-first"])
        defer { receiver.stop() }
        let options = Self.options + ["--webhook-timeout", "2"]
        let server = try await ServerProcess(database: database, extraArguments: options)
        _ = try await subscribe(receiver, on: server)
        _ = try await placeOrder(on: server)
        let held = try #require(try await receiver.wait(received: 1), "no delivery arrived").first
        server.kill(signal: SIGKILL)
        _ = await server.waitForExit()

        let restarted = try await ServerProcess(database: database, extraArguments: options)
        defer { restarted.kill(signal: SIGKILL) }
        let log = try #require(try await receiver.wait(delivered: 1), "the event was lost with the killed server")
        let delivered = try #require(log.first { $0.answered == 200 })
        #expect(delivered.id == held?.id, "sent again with the same webhook-id")
        #expect(delivered.type == "order_placed")
    }
}
