import FoundationEssentials
import PasarCore
import Testing

@Suite("Vouchers and the guest-cart merge policy")
struct VoucherAndMergeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func codesMatchInAnyCaseAndSpacing() {
        #expect(Voucher(code: " welcome10 ", benefit: .freeShipping).code == "WELCOME10")
        #expect(Voucher.normalize("Sommer5\t") == "SOMMER5")
    }

    @Test func rejectionsNameTheReason() throws {
        let subtotal = try money("20.00")
        let minimum = try money("30.00")
        let voucher = Voucher(
            code: "SOMMER5", benefit: .fixed(["EUR": try money("5.00")]), markets: ["de"], minimumSpend: ["EUR": minimum],
            validFrom: now.addingTimeInterval(-60), validUntil: now.addingTimeInterval(60))
        #expect(voucher.rejection(market: "de", subtotal: subtotal, at: now) == .minimumNotMet(minimum: minimum, subtotal: subtotal))
        #expect(voucher.rejection(market: "fr", subtotal: try money("40.00"), at: now) == .wrongMarket)
        #expect(voucher.rejection(market: "de", subtotal: try money("40.00"), at: now.addingTimeInterval(60)) == .expired(now.addingTimeInterval(60)))
        #expect(voucher.rejection(market: "de", subtotal: try money("40.00"), at: now.addingTimeInterval(-61)) == .notYetValid(now.addingTimeInterval(-60)))
        #expect(voucher.rejection(market: "de", subtotal: try money("30.00"), at: now) == nil, "the minimum itself is enough")
    }

    @Test func aFixedAmountNeedsTheCartsCurrency() throws {
        let voucher = Voucher(code: "TENOFF", benefit: .fixed(["EUR": try money("10.00")]))
        let chf = Currency(code: "CHF", minorUnitDigits: 2, cashIncrementMinorUnits: 5)
        #expect(voucher.rejection(market: "ch", subtotal: Money(minorUnits: 5000, currency: chf), at: now) == .wrongMarket)
        #expect(voucher.discount(currency: chf) == .none)
    }

    @Test func mergingSumsQuantitiesAndKeepsTheNewerPrice() {
        let older = now.addingTimeInterval(-3600)
        let changes = CartMerge.plan(
            guest: [
                .init(sku: "TEA", quantity: 2, pricedAt: now), .init(sku: "SPICE", quantity: 1, pricedAt: now),
                .init(sku: "RICE", quantity: 900, pricedAt: older),
            ],
            into: [.init(sku: "TEA", quantity: 1, pricedAt: older), .init(sku: "RICE", quantity: 200, pricedAt: now)],
            maxQuantity: 999)
        #expect(
            changes == [
                .init(sku: "TEA", kind: .combined, quantityBefore: 1, quantityAfter: 3, priceFromGuest: true),
                .init(sku: "SPICE", kind: .added, quantityBefore: 0, quantityAfter: 1, priceFromGuest: true),
                .init(sku: "RICE", kind: .capped, quantityBefore: 200, quantityAfter: 999, priceFromGuest: false),
            ])
    }
}
