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

    @Test func aKilledServerKeepsEveryAcknowledgedWrite() async throws {
        let database = try temporaryDatabase()
        let server = try await ServerProcess(database: database)
        let created = try await server.request("POST", "/v1/carts", json: ["market": "de"])
        #expect(created.status == 201)
        let cartID = try #require((try JSONSerialization.jsonObject(with: created.body) as? [String: Any])?["id"] as? String)

        // Four writers add one unit at a time; after 40 acknowledgements the server is killed
        // while the writers are still sending.
        let counts = WriteCounts()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while true {
                        counts.attempted.add(1, ordering: .relaxed)
                        guard let response = try? await server.request("POST", "/v1/carts/\(cartID)/lines", json: ["sku": "TEA-RIZE-BLACK-250G"]) else {
                            return  // the server is gone
                        }
                        if response.status == 200 {
                            if counts.acknowledged.add(1, ordering: .relaxed).newValue == 40 { server.kill(signal: SIGKILL) }
                        } else {
                            return
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await server.waitForExit() != 0, "killed, not stopped")

        let restarted = try await ServerProcess(database: database)
        let read = try await restarted.request("GET", "/v1/carts/\(cartID)")
        restarted.kill(signal: SIGTERM)
        _ = await restarted.waitForExit()
        #expect(read.status == 200)
        let cart = try #require(try JSONSerialization.jsonObject(with: read.body) as? [String: Any])
        let lines = try #require(cart["lines"] as? [[String: Any]])
        let quantity = lines.first?["quantity"] as? Int ?? 0
        let version = cart["version"] as? Int ?? 0
        #expect(quantity >= counts.acknowledged.load(ordering: .relaxed), "every acknowledged add survived")
        #expect(quantity <= counts.attempted.load(ordering: .relaxed))
        #expect(version == 1 + quantity, "each add changed the line and the version together, or not at all")
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
}
