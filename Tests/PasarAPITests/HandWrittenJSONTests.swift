import Foundation
import PasarCore
import PasarLocalization
import Testing

@testable import PasarAPI

@Suite("The hand-written cart JSON is byte for byte the encoder's")
struct HandWrittenJSONTests {
    private func amount(_ text: String, _ code: String = "EUR", _ locale: String = "de") throws -> AmountView {
        let currency = try CurrencyCatalog.currency(code)
        return try AmountView(try Money(parsing: text, currency: currency), locale: LocaleTag(locale))
    }

    private func line(id: String, name: String, priced: Bool) throws -> CartLineView {
        CartLineView(
            id: id, sku: "SKU-\(id)", productID: "p-\(id)", name: name, quantity: 3, channel: "pos", addedAt: "2026-12-01T10:00:00.000Z",
            updatedAt: "2026-12-01T10:00:01.000Z", pricedAt: "2026-12-01T10:00:02.000Z", available: priced,
            unavailableReason: priced ? nil : "nicht in diesem Markt \"verkauft\"",
            unitPrice: priced ? try amount("6.90") : nil, amount: priced ? try amount("20.70") : nil,
            discount: priced ? try amount("-1.00") : nil, net: priced ? try amount("18.41") : nil,
            tax: priced ? try amount("1.29") : nil, total: priced ? try amount("19.70") : nil, taxRate: priced ? "7" : nil,
            compareAt: priced ? try amount("7.50") : nil, customerGroup: priced ? "students" : nil)
    }

    private func cart(shipping: Bool, customer: Bool, lines: [CartLineView], vouchers: [AppliedVoucherView]) throws -> CartView {
        CartView(
            id: "c1", version: 42, status: "active", market: "de", currency: "EUR", language: "de", customerID: customer ? "cus_\u{1}x" : nil,
            email: customer ? "a/b@example.com" : nil, channels: ["web", "pos"], createdAt: "t0", updatedAt: "t1", expiresAt: "t2",
            mergedInto: customer ? "c0" : nil, itemCount: 6, lines: lines, vouchers: vouchers,
            shipping: shipping
                ? ShippingView(
                    method: "standard", name: "Standardversand\t(2–3 Tage)",
                    delivery: DeliveryEstimateView(earliest: "2026-12-08", latest: "2026-12-10", formatted: "Di., 8.\u{2009}–\u{2009}Do., 10. Dez."), free: false, net: try amount("4.12"), tax: try amount("0.78"), total: try amount("4.90"))
                : nil,
            totals: CartTotalsView(
                taxIncluded: true, subtotal: try amount("23.30"), discount: try amount("0.00"), shipping: try amount("4.90"), net: try amount("25.90"),
                tax: try amount("2.30"), total: try amount("28.20"),
                taxes: [TaxRateView(rate: "7", net: try amount("21.78"), tax: try amount("1.52")), TaxRateView(rate: "19", net: try amount("4.12"), tax: try amount("0.78"))]),
            cash: CashView(total: try amount("28.20"), adjustment: try amount("0.00")),
            loyalty: customer ? CartLoyaltyView(points: 500, pointsSpent: 320, discount: try amount("3.20")) : nil)
    }

    @Test(arguments: [(true, true), (false, false), (true, false)])
    func matchesTheEncoder(shipping: Bool, customer: Bool) throws {
        let vouchers = [
            AppliedVoucherView(
                code: "WELCOME10", applied: true, kind: "percentage", reason: nil, message: nil, validFrom: nil, validFromFormatted: nil,
                validUntil: "2027-01-01T00:00:00.000Z", validUntilFormatted: "1. Jan. 2027, 01:00"),
            AppliedVoucherView(
                code: "SOMMER\\5", applied: false, kind: nil, reason: "minimum_spend", message: "Mindestens 50,00 € \u{8}\u{c}\r\n",
                validFrom: "2026-06-01T00:00:00.000Z", validFromFormatted: "1. Juni 2026, 02:00", validUntil: nil, validUntilFormatted: nil),
        ]
        let lines = [try line(id: "l1", name: "Çay \"Rize\" / 😀 \u{1F}", priced: true), try line(id: "l2", name: "Tee", priced: false)]
        for view in [try cart(shipping: shipping, customer: customer, lines: lines, vouchers: vouchers), try cart(shipping: shipping, customer: customer, lines: [], vouchers: [])] {
            let handWritten = try #require(view.handWrittenJSON)
            let encoded = try JSONResponseEncoder.encoder.encode(view)
            #expect(String(decoding: handWritten, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        }
    }

    @Test func aMergeReportGoesThroughTheEncoder() throws {
        var view = try cart(shipping: false, customer: false, lines: [], vouchers: [])
        view.merge = MergeReport(mergedCartID: "c0", changes: [])
        #expect(view.handWrittenJSON == nil)
        #expect(try JSONResponseEncoder.encode(view) == JSONResponseEncoder.encoder.encode(view))
    }
}
