import Foundation
import PasarStorage
import PasarTestSupport
import Testing

/// Two `pasar serve` processes on one PostgreSQL database, as behind a load balancer: requests for
/// one cart and one SKU alternate between them. Runs when `PASAR_TEST_POSTGRES_URL` is set.
@Suite("pasar serve: two processes on one PostgreSQL database", .serialized, .enabled(if: TestPostgres.isConfigured))
struct ScaleOutTests {
    /// Starts both servers at once on a new database (so both migrate and seed the demo at the same
    /// time), runs `body`, then stops them and drops the database.
    private func withTwoServers(_ body: (ServerProcess, ServerProcess) async throws -> Void) async throws {
        let server = try #require(try TestPostgres.server())
        let name = TestPostgres.databaseName(for: URL(fileURLWithPath: "/scale-\(UUID().uuidString)"))
        try await PostgresDatabase.createDatabase(named: name, on: server)
        let base = try #require(TestPostgres.url)
        var components = try #require(URLComponents(string: base))
        components.path = "/\(name)"
        let url = try #require(components.string)
        async let first = ServerProcess(database: url)
        async let second = ServerProcess(database: url)
        let (a, b) = try await (first, second)
        do {
            try await body(a, b)
        } catch {
            await Self.stop(a, b)
            try? await PostgresDatabase.dropDatabase(named: name, on: server)
            throw error
        }
        await Self.stop(a, b)
        try await PostgresDatabase.dropDatabase(named: name, on: server)
    }

    private static func stop(_ servers: ServerProcess...) async {
        for server in servers {
            server.kill(signal: SIGTERM)
            _ = await server.waitForExit()
        }
    }

    /// 50 devices add one unit each to one cart at once, through both processes: the cart ends with
    /// exactly 50 units and version 51, whichever process is asked.
    @Test func concurrentAddsThroughBothProcessesLoseNothing() async throws {
        try await withTwoServers { a, b in
            let created = try await a.request("POST", "/v1/carts", json: ["market": "de"])
            #expect(created.status == 201)
            let cartID = try #require(ServerProcess.object(created.body)["id"] as? String)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<50 {
                    let server = index.isMultiple(of: 2) ? a : b
                    group.addTask {
                        try await server.request("POST", "/v1/carts/\(cartID)/lines", json: ["sku": "TEA-RIZE-BLACK-250G"]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
            for server in [a, b] {
                let cart = ServerProcess.object(try await server.request("GET", "/v1/carts/\(cartID)").body)
                let lines = try #require(cart["lines"] as? [[String: Any]])
                #expect(lines.count == 1)
                #expect(lines.first?["quantity"] as? Int == 50)
                #expect(cart["version"] as? Int == 51)
            }
        }
    }

    /// 100 carts, half created through each process, check out at once for a SKU with 10 units at
    /// the store: exactly 10 orders, 90 out-of-stock refusals, nothing oversold.
    @Test func scarceStockIsNeverOversoldAcrossProcesses() async throws {
        try await withTwoServers { a, b in
            let sku = "TEA-RIZE-BLACK-250G"
            let level = ServerProcess.object(try await a.admin("GET", "/v1/admin/inventory/\(sku)").body)
            let atStore = (level["levels"] as? [[String: Any]])?.first { $0["location"] as? String == "berlin-mitte" }
            let available = atStore?["available"] as? Int ?? 0
            if available != 10 {
                let adjustment = ["location": "berlin-mitte", "sku": sku, "delta": 10 - available, "reason": "count"] as [String: Any]
                #expect(try await b.admin("POST", "/v1/admin/inventory/adjustments", json: adjustment).status == 201)
            }
            var carts: [(ServerProcess, String)] = []
            for index in 0..<100 {
                let server = index.isMultiple(of: 2) ? a : b
                let created = try await server.request("POST", "/v1/carts", json: ["market": "de", "lines": [["sku": sku]]])
                carts.append((server, try #require(ServerProcess.object(created.body)["id"] as? String)))
            }
            let outcomes = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for (index, (_, cartID)) in carts.enumerated() {
                    // Each checkout goes to the process that did not create its cart.
                    let server = index.isMultiple(of: 2) ? b : a
                    group.addTask {
                        let body = ["fulfilment": ["type": "collect", "store": "berlin-mitte"], "email": "kunde@example.com"] as [String: Any]
                        let placed = try await server.request(
                            "POST", "/v1/carts/\(cartID)/checkout", json: body, headers: ["Idempotency-Key": "scale-\(index)"])
                        return (placed.status, ServerProcess.object(placed.body)["code"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.0 == 201 }.count == 10)
            #expect(outcomes.filter { $0.0 == 409 && $0.1 == "out_of_stock" }.count == 90, "\(outcomes.filter { $0.0 != 201 }.prefix(3))")
            let after = ServerProcess.object(try await b.admin("GET", "/v1/admin/inventory/\(sku)").body)
            let store = (after["levels"] as? [[String: Any]])?.first { $0["location"] as? String == "berlin-mitte" }
            #expect(store?["available"] as? Int == 0)
            #expect(store?["reserved"] as? Int == 10)
        }
    }

    /// A client streaming a cart's events from process A sees a change made through process B.
    @Test func liveCartEventsCrossProcesses() async throws {
        try await withTwoServers { a, b in
            let created = try await a.request("POST", "/v1/carts", json: ["market": "de"])
            let cartID = try #require(ServerProcess.object(created.body)["id"] as? String)
            let reader = try SSEReader(port: a.port, path: "/v1/carts/\(cartID)/events", headers: ["Accept-Language: de"])
            defer { reader.close() }
            var events = reader.events.makeAsyncIterator()
            let first = try #require(await events.next(), "the cart as it is on connect")
            #expect(first.id == "1")
            #expect(try await b.request("POST", "/v1/carts/\(cartID)/lines", json: ["sku": "TEA-RIZE-BLACK-250G"]).status == 200)
            let changed = try #require(await events.next(), "the change made through the other process")
            #expect(changed.name == "cart")
            #expect(changed.id == "2")
            #expect(changed.data.contains("TEA-RIZE-BLACK-250G"))
        }
    }

    /// A cart one process last showed as a guest's is signed in through the other; a line the first
    /// process adds afterwards still gets the customer's group price (it prices the cart again after
    /// the write instead of reading the groups before every add).
    @Test func aLineAddedAfterASignInElsewhereGetsTheMemberPrice() async throws {
        try await withTwoServers { a, b in
            let product: [String: Any] = [
                "tax_class": "reduced", "translations": ["en": ["name": "Student tea", "slug": "student-tea"]], "variants": [["sku": "STUDENT-TEA"]],
                "prices": [["market": "de", "amount": "10.00"], ["market": "de", "amount": "8.00", "customer_group": "students"]],
            ]
            #expect(try await a.admin("PUT", "/v1/admin/products/student-tea", json: product).status == 201)
            let signedUp = try await a.request("POST", "/v1/customers", json: ["email": "lena@example.com", "name": "Lena Vogt", "market": "de"])
            let customer = try #require(ServerProcess.object(signedUp.body)["id"] as? String)
            #expect(try await a.admin("PUT", "/v1/customers/\(customer)/groups/students").status == 200)
            let created = try await a.request("POST", "/v1/carts", json: ["market": "de", "lines": [["sku": "STUDENT-TEA"]]])
            let cartID = try #require(ServerProcess.object(created.body)["id"] as? String)

            #expect(try await b.admin("POST", "/v1/carts/\(cartID)/customer", json: ["customer_id": customer]).status == 200)
            let added = try await a.request("POST", "/v1/carts/\(cartID)/lines", json: ["sku": "STUDENT-TEA"])
            #expect(added.status == 200, "\(String(decoding: added.body, as: UTF8.self))")
            let lines = try #require(ServerProcess.object(added.body)["lines"] as? [[String: Any]])
            let price = (lines.first?["unit_price"] as? [String: Any])?["amount"] as? String
            #expect(lines.first?["quantity"] as? Int == 2 && price == "8.00", "\(lines)")
        }
    }
}
