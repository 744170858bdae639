import Foundation
import PasarStorage
import Testing

/// Why a cart write is refused when its first step changes no row (`CartTouchRefusal`), the same on
/// both databases: a cart that does not exist, one at another version than `If-Match`, one merged
/// away, and one in another market than the write was priced for.
@Suite("Cart write refusals")
struct CartWriteRefusalTests {
    @Test(arguments: StorageBackend.all)
    func eachRefusalNamesItsReason(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let carts = processes.first.carts
            func add(to id: String, version: Int64? = nil, market: String = StorageFixtures.market) async throws -> StoredCart {
                try await carts.addLine(
                    StorageFixtures.line("TEA-250G"), market: market, limits: CartLimits(),
                    write: CartWrite(cartID: id, channel: "web", expectedVersion: version))
            }
            await #expect { try await add(to: "no-such-cart") } throws: { error in
                guard case CartStoreError.cartNotFound("no-such-cart") = error else { return false }
                return true
            }
            let cart = try await StorageFixtures.cart(on: processes.first)
            let added = try await add(to: cart.id)
            await #expect { try await add(to: cart.id, version: cart.version) } throws: { error in
                guard case CartStoreError.stale(let current) = error else { return false }
                return current.version == added.version
            }
            await #expect { try await add(to: cart.id, market: "at") } throws: { error in
                guard case CartStoreError.marketChanged = error else { return false }
                return true
            }
            let target = try await StorageFixtures.cart(on: processes.second)
            _ = try await carts.merge(sourceID: cart.id, limits: CartLimits(), write: CartWrite(cartID: target.id, channel: "web"))
            await #expect { try await add(to: cart.id) } throws: { error in
                guard case CartStoreError.notActive(let closed) = error else { return false }
                return closed.mergedInto == target.id
            }
        }
    }
}

/// Adding a line is one statement on both databases (`CartLineLimits` names a refusal): a new SKU only
/// while the cart has room, an existing line only up to the per-line maximum, and a refused add leaves
/// the cart as it was.
@Suite("Cart line limits")
struct CartLineLimitTests {
    @Test(arguments: StorageBackend.all)
    func aFullCartTakesIncrementsButNoNewSKU(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let carts = processes.first.carts
            let limits = CartLimits(maxQuantityPerLine: 5, maxLines: 2)
            let cart = try await StorageFixtures.cart(on: processes.first)
            func add(_ sku: String, _ quantity: Int64 = 1) async throws -> StoredCart {
                try await carts.addLine(
                    StorageFixtures.line(sku, quantity: quantity), market: StorageFixtures.market, limits: limits,
                    write: CartWrite(cartID: cart.id, channel: "web"))
            }
            _ = try await add("TEA-A")
            let full = try await add("TEA-B", 2)
            #expect(full.lines.map(\.sku) == ["TEA-A", "TEA-B"])
            await #expect { try await add("TEA-C") } throws: { error in
                guard case CartStoreError.lineLimit(max: 2) = error else { return false }
                return true
            }
            let incremented = try await add("TEA-B", 3)
            #expect(incremented.lines.map(\.quantity) == [1, 5])
            await #expect { try await add("TEA-B") } throws: { error in
                guard case CartStoreError.quantityLimit(max: 5) = error else { return false }
                return true
            }
            let after = try #require(try await carts.cart(id: cart.id))
            #expect(after.lines.map(\.quantity) == [1, 5])
            #expect(after.version == incremented.version, "a refused add changes nothing, not even the version")
        }
    }
}
