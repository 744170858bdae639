import PasarCore
import PasarMarkets
import PasarStorage

/// How a cart's points enter its totals, the same for the cart view and checkout: their value
/// (`LoyaltyProgram.value`) is a fixed discount after the vouchers', capped at what is left of the
/// lines (`CartCalculator`), and the points spent are those that discount needs.
enum CartLoyaltyPricing {
    /// The discount the cart's points ask for; nil when it redeems none, has no customer, or its
    /// market has no points.
    static func requested(_ cart: StoredCart, market: Market) throws -> Money? {
        guard cart.loyaltyPoints > 0, cart.customerID != nil, let program = market.loyalty else { return nil }
        return try program.value(of: cart.loyaltyPoints)
    }

    /// The points spent for the discount the totals gave.
    static func spent(_ cart: StoredCart, market: Market, totals: CartTotals) -> Int64 {
        guard let program = market.loyalty, cart.customerID != nil else { return 0 }
        return program.pointsSpent(requested: cart.loyaltyPoints, discount: totals.loyaltyDiscount)
    }
}
