import Foundation
import PasarCore
import PasarStorage
import Testing

/// Carts and customers written at once by two processes sharing one database.
@Suite("Carts and customers: two processes, one database")
struct CartAndCustomerConcurrencyTests {
    /// Concurrent adds to one cart from both processes lose no unit and bump the version once each.
    @Test(arguments: StorageBackend.all)
    func concurrentAddsLoseNothing(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let created = try await StorageFixtures.cart(on: processes.first)
            let adds = 40
            let outcomes = await processes.concurrently(adds) { stores, index in
                try await stores.carts.addLine(
                    StorageFixtures.line("TEA-250G"), market: StorageFixtures.market, limits: CartLimits(),
                    write: CartWrite(cartID: created.id, channel: index.isMultiple(of: 2) ? "web" : "pos"))
            }
            #expect(outcomes.failures().isEmpty, "\(outcomes.failures())")
            for stores in [processes.first, processes.second] {
                let cart = try #require(try await stores.carts.cart(id: created.id))
                #expect(cart.lines.map(\.quantity) == [Int64(adds)])
                #expect(cart.version == 1 + Int64(adds))
                #expect(cart.channels == ["web", "pos"])
            }
        }
    }

    /// Writers racing with the same `If-Match` version: exactly one wins, every other one gets `stale` with the winner's cart.
    @Test(arguments: StorageBackend.all)
    func sameExpectedVersionHasOneWinner(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let created = try await StorageFixtures.cart(on: processes.first)
            let outcomes = await processes.concurrently(10) { stores, index in
                try await stores.carts.addLine(
                    StorageFixtures.line("SKU-\(index)"), market: StorageFixtures.market, limits: CartLimits(),
                    write: CartWrite(cartID: created.id, channel: "web", expectedVersion: created.version))
            }
            let winners: [StoredCart] = outcomes.successes()
            try #require(winners.count == 1)
            #expect(winners[0].version == created.version + 1)
            let losers = outcomes.failures()
            #expect(losers.count == 9)
            for error in losers {
                guard case CartStoreError.stale(let current) = error else {
                    Issue.record("expected stale, got \(error)")
                    continue
                }
                #expect(current.version == created.version + 1)
                #expect(current.lines.map(\.sku) == winners[0].lines.map(\.sku))
            }
            let cart = try #require(try await processes.second.carts.cart(id: created.id))
            #expect(cart == winners[0])
        }
    }

    /// Sign-ups at once with one email in different letter case create one customer; the others get a conflict on `email`.
    @Test(arguments: StorageBackend.all)
    func oneCustomerPerEmailWhateverTheCase(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let spellings = ["ada@example.com", "Ada@Example.com", "ADA@EXAMPLE.COM", "ada@EXAMPLE.com", "aDa@example.COM"]
            let outcomes = await processes.concurrently(10) { stores, index in
                try await stores.customers.create(
                    Customer(id: "customer-\(index)", email: spellings[index % spellings.count], name: "Ada", language: "de", market: "de"))
            }
            let created: [Customer] = outcomes.successes()
            try #require(created.count == 1)
            let conflicts = outcomes.failures().filter {
                if case StorageError.conflict(field: "email", _) = $0 { true } else { false }
            }
            #expect(conflicts.count == 9, "\(outcomes.failures())")
            for stores in [processes.first, processes.second] {
                #expect(try await stores.customers.customer(id: created[0].id) == created[0])
            }
        }
    }
}
