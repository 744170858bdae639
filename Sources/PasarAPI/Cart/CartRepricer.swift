import Foundation
import PasarMarkets
import PasarStorage

/// Prices every line of a cart again when who buys with it changes: after a sign-in or merge (the
/// customer's group prices) and at sign-out (guest prices, the customer detached in the same write).
/// A cart that changed while it was priced is read and priced again (three tries in all, then
/// `marketChanged`: a 409 `cart_busy`).
struct CartRepricer {
    let services: APIServices

    func reprice(_ cart: StoredCart, market: Market, channel: String, detachCustomer: Bool = false) async throws -> StoredCart {
        var current = cart
        for _ in 0..<3 {
            guard current.status == .active else { throw CartStoreError.notActive(current) }
            guard current.market == market.code else { throw CartStoreError.marketChanged }
            let pricer = try await CartLinePricer.forCustomer(
                detachCustomer ? nil : current.customerID, market: market, channel: channel, services: services)
            let prices = try await pricer.prices(of: current)
            if !detachCustomer, current.lines.allSatisfy({ line in prices[line.id].map { Self.matches(line, $0) } ?? false }) { return current }
            let written = try await services.cartPricing.reprice(current, prices: prices, detachCustomer: detachCustomer, channel: channel, now: Date())
            guard let reread = try await services.carts.cart(id: current.id) else { throw CartStoreError.cartNotFound(current.id) }
            if written { return reread }
            current = reread
        }
        throw CartStoreError.marketChanged
    }

    /// True when the line already has this price (so pricing it again would change nothing).
    static func matches(_ line: StoredCartLine, _ price: LinePrice) -> Bool {
        line.unitMinorUnits == price.unitMinorUnits(forQuantity: line.quantity) && line.taxRate == price.taxRate
            && line.unavailableReason == price.unavailableReason && line.compareAtMinorUnits == price.compareAtMinorUnits
            && line.customerGroup == price.customerGroup
    }
}
