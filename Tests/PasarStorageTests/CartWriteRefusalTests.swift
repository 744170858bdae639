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
