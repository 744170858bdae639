import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Computes a stored cart's totals with `CartCalculator` (the one rounding point for cart money) and
/// renders them in the response language.
struct CartPresenter {
    let market: Market
    let language: LocaleTag
    let lifetime: TimeInterval
    let messages: CartMessages

    func view(
        _ cart: StoredCart, products: [String: Product], vouchers: [String: Voucher], now: Date = Date()
    ) throws -> CartView {
        let currency = try CurrencyCatalog.currency(cart.currency)
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        let priced = try cart.lines.compactMap { line -> CartCalculator.Line? in
            guard let unit = line.unitMinorUnits, let rate = line.taxRate else { return nil }
            return CartCalculator.Line(
                id: line.id, quantity: line.quantity, unitAmount: Money(minorUnits: unit, currency: currency), taxRate: try ExactDecimal(rate))
        }
        let subtotal = try Self.subtotal(of: cart)

        let evaluation = VoucherEvaluation(codes: cart.vouchers, vouchers: vouchers, market: market, subtotal: subtotal, now: now)
        let shippingChoice = shippingLine(cart: cart, subtotal: subtotal, currency: currency, free: evaluation.freeShipping)
        let policy = CartCalculator.Policy(
            pricesIncludeTax: market.tax.mode == .inclusive, rounding: market.rounding.mode, level: market.rounding.level)
        let totals = try CartCalculator.totals(
            lines: priced, currency: currency, discount: evaluation.discount(currency: currency),
            loyalty: try CartLoyaltyPricing.requested(cart, market: market), shipping: shippingChoice?.line, policy: policy)
        let byID = Dictionary(totals.lines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cash = try totals.total.roundedForCash(increment: market.rounding.cashIncrementMinorUnits, rounding: market.rounding.cashMode)

        let loyalty = try cart.loyaltyPoints > 0
            ? CartLoyaltyView(
                points: cart.loyaltyPoints, pointsSpent: CartLoyaltyPricing.spent(cart, market: market, totals: totals),
                discount: amounts(totals.loyaltyDiscount))
            : nil
        return CartView(
            id: cart.id, version: cart.version, status: cart.status.rawValue, market: cart.market, currency: cart.currency,
            language: language.identifier, customerID: cart.customerID, email: cart.email, channels: cart.channels,
            createdAt: Self.timestamp(cart.createdAt), updatedAt: Self.timestamp(cart.updatedAt),
            expiresAt: Self.timestamp(cart.updatedAt.addingTimeInterval(lifetime)), mergedInto: cart.mergedInto,
            itemCount: cart.lines.filter { $0.unitMinorUnits != nil }.reduce(0) { $0 + $1.quantity },
            lines: try cart.lines.map { try lineView($0, totals: byID[$0.id], product: products[$0.productID], amounts: amounts) },
            vouchers: try evaluation.results.map { try voucherView($0) },
            shipping: try shippingChoice.flatMap { choice in
                try totals.shipping.map {
                    ShippingView(
                        method: choice.method.id, name: name(of: choice.method), delivery: try delivery(choice.method, now: now), free: choice.free, net: try amounts($0.net),
                        tax: try amounts($0.tax), total: try amounts($0.gross))
                }
            },
            totals: CartTotalsView(
                taxIncluded: policy.pricesIncludeTax, subtotal: try amounts(totals.subtotal), discount: try amounts(totals.discount),
                shipping: try amounts(totals.shipping?.gross ?? .zero(currency)), net: try amounts(totals.net),
                tax: try amounts(totals.tax), total: try amounts(totals.total),
                taxes: try totals.taxes.map { TaxRateView(rate: $0.rate.description, net: try amounts($0.net), tax: try amounts($0.tax)) }),
            cash: CashView(total: try amounts(cash.rounded), adjustment: try amounts(cash.adjustment)), loyalty: loyalty)
    }

    private func lineView(_ line: StoredCartLine, totals: LineTotals?, product: Product?, amounts: AmountFormatter) throws -> CartLineView {
        let chain = language.fallbackChain.map(\.identifier)
        let name =
            product.flatMap {
                TranslationLookup.best(in: $0.translations, chain: chain, fallbackLanguages: [market.defaultLanguage.identifier, "en"])?
                    .value.name
            } ?? line.sku
        return CartLineView(
            id: line.id, sku: line.sku, productID: line.productID, name: name, quantity: line.quantity, channel: line.channel,
            addedAt: Self.timestamp(line.addedAt), updatedAt: Self.timestamp(line.updatedAt), pricedAt: Self.timestamp(line.pricedAt),
            available: totals != nil, unavailableReason: line.unavailableReason,
            unitPrice: try totals.map { try amounts($0.unitAmount) }, amount: try totals.map { try amounts($0.amount) },
            discount: try totals.map { try amounts($0.discount) }, net: try totals.map { try amounts($0.net) },
            tax: try totals.map { try amounts($0.tax) }, total: try totals.map { try amounts($0.gross) }, taxRate: line.taxRate,
            compareAt: try compareAt(line, totals: totals).map { try amounts($0) }, customerGroup: totals == nil ? nil : line.customerGroup)
    }

    /// The everyday unit price, shown only while it is above the unit price the line has.
    private func compareAt(_ line: StoredCartLine, totals: LineTotals?) throws -> Money? {
        guard let totals, let everyday = line.compareAtMinorUnits, everyday > totals.unitAmount.minorUnits else { return nil }
        return Money(minorUnits: everyday, currency: totals.unitAmount.currency)
    }

    private func voucherView(_ result: VoucherEvaluation.Result) throws -> AppliedVoucherView {
        let validFrom = result.voucher?.validFrom
        let validUntil = result.voucher?.validUntil
        return AppliedVoucherView(
            code: result.code, applied: result.rejection == nil, kind: result.voucher.map { VoucherEvaluation.kind(of: $0) },
            reason: result.rejection?.code,
            message: try result.rejection.map { try messages.voucherRejection($0, code: result.code, market: market, language: language) },
            validFrom: validFrom.map(Self.timestamp), validFromFormatted: try validFrom.map(formatted),
            validUntil: validUntil.map(Self.timestamp), validUntilFormatted: try validUntil.map(formatted))
    }

    /// When a parcel sent now by `method` is expected, in the response language.
    private func delivery(_ method: ShippingMethod, now: Date) throws -> DeliveryEstimateView? {
        guard let days = method.days, let window = DeliveryEstimates.shared.window(days: days, from: now, timeZone: market.timeZone) else { return nil }
        return try DeliveryEstimates.shared.view(window, timeZone: market.timeZone, language: language)
    }

    /// A date as people read it: the response language, the market's time zone.
    private func formatted(_ date: Date) throws -> String {
        try DateFormatting.shared.format(DateFormatting.Instant(date), .dateTime, locale: language, timeZone: market.timeZone)
    }

    /// The shipping estimate: the chosen method, else the market's cheapest; free above the method's
    /// threshold (compared with the subtotal before discounts) or with a free-shipping voucher.
    private func shippingLine(cart: StoredCart, subtotal: Money, currency: Currency, free voucherFree: Bool)
        -> (method: ShippingMethod, line: CartCalculator.Line, free: Bool)?
    {
        guard cart.lines.contains(where: { $0.unitMinorUnits != nil }) else { return nil }
        let methods = market.shippingMethods.filter { $0.price.currency.code == currency.code }
        guard let method = methods.first(where: { $0.id == cart.shippingMethod }) ?? methods.min(by: { $0.price.minorUnits < $1.price.minorUnits }),
            let rate = market.tax.rate(forClass: "standard", country: nil)
        else { return nil }
        let thresholdMet = method.freeOver.map { subtotal.minorUnits >= $0.minorUnits } ?? false
        let free = voucherFree || thresholdMet
        let amount = free ? Money.zero(currency) : method.price
        return (method, CartCalculator.Line(id: "shipping", quantity: 1, unitAmount: amount, taxRate: rate), free)
    }

    private func name(of method: ShippingMethod) -> String {
        TranslationLookup.best(in: method.names, chain: language.fallbackChain.map(\.identifier), fallbackLanguages: [market.defaultLanguage.identifier, "en"])?
            .value ?? method.id
    }

    /// The sum of the available lines before discounts, as the market lists prices.
    static func subtotal(of cart: StoredCart) throws -> Money {
        let currency = try CurrencyCatalog.currency(cart.currency)
        var amounts: [Money] = []
        for line in cart.lines {
            guard let unit = line.unitMinorUnits else { continue }
            amounts.append(try Money(minorUnits: unit, currency: currency).multiplied(by: line.quantity))
        }
        return try Money.sum(amounts, currency: currency)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
