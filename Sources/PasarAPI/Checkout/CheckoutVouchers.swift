import Foundation
import PasarCore
import PasarStorage

/// The vouchers a checkout applies, checked against who orders and where, and their uses counted:
/// a code for other customer groups or another channel, or one with no use left, stops the order
/// with a localized 422 naming `vouchers`; the uses an order claimed are given back when it is not
/// placed (or is cancelled later, `OrderStatusStep`).
struct CheckoutVouchers {
    let carts: any CartStore
    let uses: VoucherUseStore
    let groups: CustomerGroupStore
    let messages: CartMessages

    /// Checks the applied codes and claims a use of each limited one for `orderID`; true when
    /// anything was claimed (to give back if the order is not placed).
    func claim(_ codes: [String], checkout: PlaceOrder.Checkout, orderID: String) async throws -> Bool {
        guard !codes.isEmpty else { return false }
        let found = try await carts.vouchers(codes: codes)
        let applied = codes.compactMap { found[$0] }
        var memberOf: [String] = []
        if let customerID = checkout.customerID, applied.contains(where: { $0.customerGroups != nil }) {
            memberOf = try await groups.activeCodes(customerID: customerID, now: Date())
        }
        for voucher in applied {
            if let rejection = voucher.audienceRejection(channel: checkout.scope.channel, groups: memberOf) {
                throw try problem(rejection, code: voucher.code, checkout: checkout)
            }
        }
        guard applied.contains(where: \.isLimited) else { return false }
        let customerKey = checkout.customerID ?? checkout.email?.lowercased()
        if let refused = try await uses.claim(applied, orderID: orderID, customerKey: customerKey, now: Date()) {
            throw try problem(refused.rejection, code: refused.code, checkout: checkout)
        }
        return true
    }

    func release(orderID: String) async throws {
        try await uses.release(orderID: orderID, now: Date())
    }

    private func problem(_ rejection: VoucherRejection, code: String, checkout: PlaceOrder.Checkout) throws -> Problem {
        let message = try messages.voucherRejection(rejection, code: code, market: checkout.scope.market, language: checkout.scope.language)
        return Problem(.unprocessableContent, code: rejection.code, title: "Voucher not applicable", detail: message, field: "vouchers")
    }
}
