import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// The cart's totals for the chosen fulfilment, computed by `CartCalculator` exactly as the cart
/// shows them (same vouchers, same free-shipping rule), with shipping only for ship orders.
struct CheckoutPricing {
    let market: Market

    /// A cart line that cannot be sold, as `lines[index]` of the cart.
    struct UnavailableLine: Error {
        let index: Int
        let sku: String
        let reason: String
    }

    func totals(
        _ cart: StoredCart, vouchers: [String: Voucher], shippingMethod: ShippingMethod?, now: Date = Date()
    ) throws -> (totals: CartTotals, applied: [String]) {
        let currency = try CurrencyCatalog.currency(cart.currency)
        var lines: [CartCalculator.Line] = []
        for (index, line) in cart.lines.enumerated() {
            guard let unit = line.unitMinorUnits, let rate = line.taxRate else {
                throw UnavailableLine(index: index, sku: line.sku, reason: line.unavailableReason ?? "not sold in market \(market.code)")
            }
            lines.append(
                CartCalculator.Line(id: line.id, quantity: line.quantity, unitAmount: Money(minorUnits: unit, currency: currency), taxRate: try ExactDecimal(rate)))
        }
        let subtotal = try Money.sum(lines.map { try $0.unitAmount.multiplied(by: $0.quantity) }, currency: currency)
        let evaluation = VoucherEvaluation(codes: cart.vouchers, vouchers: vouchers, market: market, subtotal: subtotal, now: now)
        var shipping: CartCalculator.Line?
        if let method = shippingMethod, let rate = market.tax.rate(forClass: "standard", country: nil) {
            let free = evaluation.freeShipping || (method.freeOver.map { subtotal.minorUnits >= $0.minorUnits } ?? false)
            shipping = CartCalculator.Line(id: "shipping", quantity: 1, unitAmount: free ? .zero(currency) : method.price, taxRate: rate)
        }
        let policy = CartCalculator.Policy(
            pricesIncludeTax: market.tax.mode == .inclusive, rounding: market.rounding.mode, level: market.rounding.level)
        let totals = try CartCalculator.totals(
            lines: lines, currency: currency, discount: evaluation.discount(currency: currency),
            loyalty: try CartLoyaltyPricing.requested(cart, market: market), shipping: shipping, policy: policy)
        let applied = evaluation.results.filter { $0.rejection == nil }.map(\.code)
        return (totals, applied)
    }
}
