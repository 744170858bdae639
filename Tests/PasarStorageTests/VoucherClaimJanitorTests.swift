import Foundation
import PasarCore
import PasarStorage
import Testing

/// A checkout claims a limited voucher's use before its order is placed; when the process stops in
/// between, the claim has no order. The hourly pass gives such claims back, and only those.
@Suite("Voucher uses of unplaced orders")
struct VoucherClaimJanitorTests {
    @Test(arguments: StorageBackend.all)
    func claimsWithoutAnOrderAreGivenBack(_ backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let uses = processes.first.voucherUses
            let voucher = Voucher(code: "TEN", benefit: .freeShipping, maxUses: 10)
            try await StorageFixtures.receive("TEA", units: 5, on: processes.first)
            let placed = try await processes.first.orders.place(StorageFixtures.draft(sku: "TEA"), idempotencyKey: "janitor")
            let anHourAgo = Date().addingTimeInterval(-7200)
            #expect(try await uses.claim([voucher], orderID: placed.order.id, customerKey: nil, now: anHourAgo) == nil)
            #expect(try await uses.claim([voucher], orderID: "ord_never_placed", customerKey: nil, now: anHourAgo) == nil)
            #expect(try await uses.claim([voucher], orderID: "ord_still_checking_out", customerKey: nil, now: Date()) == nil)
            #expect(try await uses.uses(code: "TEN") == 3)

            let released = try await processes.second.voucherUses.releaseAbandoned(claimedBefore: Date().addingTimeInterval(-3600), now: Date())
            #expect(released == 1)
            #expect(try await uses.uses(code: "TEN") == 2, "the placed order's use and the recent claim stay")
            #expect(try await uses.releaseAbandoned(claimedBefore: Date().addingTimeInterval(-3600), now: Date()) == 0, "given back once")
        }
    }
}
