import Foundation
import PasarCore
import PasarStorage
import Testing

/// Cart codes on both databases (`CartCodeSQL`): a code opens its cart until it expires, a live code
/// is never given to a second cart, an expired one is reused, and the purge clears expired codes.
@Suite("Cart codes")
struct CartCodeStorageTests {
    @Test(arguments: StorageBackend.all)
    func aCodeOpensItsCartUntilItExpires(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let first = try await StorageFixtures.cart(on: processes.first)
            let second = try await StorageFixtures.cart(on: processes.second)
            let code = try #require(CartCode(typed: "K7Q-9XM"))
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let expires = now.addingTimeInterval(TimeInterval(CartCode.lifetimeSeconds))

            #expect(try await processes.first.carts.saveCode(code, cartID: first.id, expires: expires, now: now))
            #expect(try await processes.second.carts.cartID(code: code, now: now) == first.id)
            // Live: another cart cannot take it, from either process.
            #expect(try await processes.second.carts.saveCode(code, cartID: second.id, expires: expires, now: now.addingTimeInterval(60)) == false)
            #expect(try await processes.first.carts.cartID(code: code, now: expires.addingTimeInterval(-1)) == first.id)
            // Expired: it opens nothing, and the next cart may have it.
            #expect(try await processes.first.carts.cartID(code: code, now: expires) == nil)
            let later = expires.addingTimeInterval(TimeInterval(CartCode.lifetimeSeconds))
            #expect(try await processes.second.carts.saveCode(code, cartID: second.id, expires: later, now: expires))
            #expect(try await processes.first.carts.cartID(code: code, now: expires) == second.id)
            _ = try await processes.first.carts.purgeExpired(now: later)
            #expect(try await processes.first.carts.saveCode(code, cartID: first.id, expires: later.addingTimeInterval(60), now: later.addingTimeInterval(-1)))
        }
    }
}
