import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Turns a priced cart into the order snapshot: line names in the order's language and every
/// amount with the string it is shown as, so the order reads the same forever.
struct OrderDraftBuilder {
    let market: Market
    let language: LocaleTag

    func lines(_ cart: StoredCart, totals: CartTotals, products: [String: Product]) throws -> [OrderLine] {
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        let byID = Dictionary(totals.lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let chain = language.fallbackChain.map(\.identifier)
        return try cart.lines.enumerated().compactMap { index, line in
            guard let priced = byID[line.id] else { return nil }
            let name =
                products[line.productID].flatMap {
                    TranslationLookup.best(in: $0.translations, chain: chain, fallbackLanguages: [market.defaultLanguage.identifier, "en"])?.value.name
                } ?? line.sku
            return OrderLine(
                number: index + 1, sku: line.sku, productID: line.productID, name: name, quantity: line.quantity, unitAmount: priced.unitAmount,
                amount: priced.amount, discount: priced.discount, taxRate: priced.taxRate, net: priced.net, tax: priced.tax, gross: priced.gross,
                formatted: [
                    "unit_amount": try amounts(priced.unitAmount).formatted, "amount": try amounts(priced.amount).formatted,
                    "discount": try amounts(priced.discount).formatted, "net": try amounts(priced.net).formatted,
                    "tax": try amounts(priced.tax).formatted, "gross": try amounts(priced.gross).formatted,
                ])
        }
    }

    func totals(_ totals: CartTotals) throws -> OrderTotals {
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        let shipping = totals.shipping?.gross ?? .zero(totals.total.currency)
        return OrderTotals(
            subtotal: totals.subtotal, discount: totals.discount, shipping: shipping, tax: totals.tax, total: totals.total,
            taxes: try totals.taxes.map {
                OrderTaxLine(rate: $0.rate, net: $0.net, tax: $0.tax, formatted: ["net": try amounts($0.net).formatted, "tax": try amounts($0.tax).formatted])
            },
            formatted: [
                "subtotal": try amounts(totals.subtotal).formatted, "discount": try amounts(totals.discount).formatted,
                "shipping": try amounts(shipping).formatted, "tax": try amounts(totals.tax).formatted, "total": try amounts(totals.total).formatted,
            ])
    }

    /// `PAS-` and 8 characters of Crockford base 32 (no I, L, O, U): easy to read out on the phone.
    static func orderNumber() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return "PAS-" + String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
