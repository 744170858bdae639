import FoundationEssentials
import PasarCore
import Testing

private let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

private func entry(
    _ amount: String, sku: String? = nil, channel: String? = nil, group: String? = nil, min: Int64 = 1,
    from: Date? = nil, to: Date? = nil, market: String = "de"
) throws -> PriceEntry {
    PriceEntry(
        productID: "p", sku: sku, market: market, amount: try money(amount), channel: channel, customerGroup: group,
        minQuantity: min, validFrom: from, validTo: to)
}

@Suite("Price lookup picks the most specific valid price")
struct PriceSelectorTests {
    let list: [PriceEntry]

    init() throws {
        list = [
            try entry("10.00"), try entry("12.00", sku: "XL"), try entry("9.00", min: 6), try entry("8.50", min: 12),
            try entry("7.00", from: now.addingTimeInterval(-86400), to: now.addingTimeInterval(86400)),
            try entry("5.00", from: now.addingTimeInterval(-90 * 86400), to: now.addingTimeInterval(-86400)),
            try entry("6.50", channel: "pos"), try entry("6.00", group: "wholesale"),
        ]
    }

    private func pick(sku: String = "M", channel: String? = nil, group: String? = nil, quantity: Int64 = 1) -> String? {
        let context = PriceContext(market: "de", sku: sku, channel: channel, customerGroup: group, quantity: quantity, at: now)
        return PriceSelector.select(from: list, for: context)?.amount.decimalString
    }

    @Test func aRunningSaleBeatsTheListPriceAndAnEndedOneIsIgnored() { #expect(pick() == "7.00") }
    @Test func channelPricesApplyOnlyToTheirChannel() { #expect(pick(channel: "pos") == "6.50") }
    @Test func customerGroupPricesWin() { #expect(pick(channel: "pos", group: "wholesale") == "6.00") }
    @Test func otherMarketsDoNotCount() {
        let context = PriceContext(market: "fr", sku: "M", at: now)
        #expect(PriceSelector.select(from: list, for: context) == nil)
    }

    @Test func tiersNeedTheirQuantity() throws {
        let everyday = try [entry("10.00"), entry("9.00", min: 6), entry("8.50", min: 12), entry("12.00", sku: "XL")]
        let select = { (quantity: Int64, sku: String) in
            PriceSelector.select(from: everyday, for: PriceContext(market: "de", sku: sku, quantity: quantity, at: now))?.amount.decimalString
        }
        #expect(select(5, "M") == "10.00")
        #expect(select(6, "M") == "9.00")
        #expect(select(12, "M") == "8.50")
        #expect(select(1, "XL") == "12.00", "a variant price beats the product-wide price")
    }
}

@Suite("Price quotes: tax split and derived markets")
struct PriceCalculatorTests {
    @Test func extractsIncludedTax() throws {
        let quote = try PriceCalculator.quote(
            entries: [entry("11.90")], context: PriceContext(market: "de", sku: "M", at: now),
            policy: PricingPolicy(market: "de", currency: eur, pricesIncludeTax: true), taxRate: ExactDecimal("19"))
        #expect(quote?.gross == (try money("11.90")))
        #expect(quote?.tax == (try money("1.90")))
        #expect(quote?.net == (try money("10.00")))
        #expect(quote?.displayed == quote?.gross)
    }

    @Test func addsTaxAtCheckout() throws {
        let quote = try PriceCalculator.quote(
            entries: [entry("10.00", market: "us")], context: PriceContext(market: "us", sku: "M", at: now),
            policy: PricingPolicy(market: "us", currency: eur, pricesIncludeTax: false), taxRate: ExactDecimal("8.875"))
        #expect(quote?.net == (try money("10.00")))
        #expect(quote?.tax == (try money("0.89")))
        #expect(quote?.gross == (try money("10.89")))
        #expect(quote?.displayed == quote?.net)
    }

    @Test func derivesThroughTheRateAndTheEnding() throws {
        let derivation = PriceDerivation(sourceMarket: "de", rate: try ExactDecimal("162.35"), ending: .nearest100)
        let quote = try PriceCalculator.quote(
            entries: [entry("11.90")], context: PriceContext(market: "jp", sku: "M", at: now),
            policy: PricingPolicy(market: "jp", currency: jpy, pricesIncludeTax: true, derivation: derivation), taxRate: ExactDecimal("10"))
        #expect(quote?.steps.map(\.kind) == ["list", "conversion", "ending", "tax"])
        #expect(quote?.steps[1].amount == (try money("1932", jpy)), "11.90 × 162.35 = 1931.965 → 1932")
        #expect(quote?.steps[2].detail == "price ending 'nearest-100'")
        #expect(quote?.gross == (try money("1900", jpy)), "1932 to the nearest 100")
        #expect(quote?.tax == (try money("173", jpy)), "1900 × 10/110 = 172.7…")
    }
}

@Suite("A member's offer is the lowest of the guest's and each group's")
struct MemberOfferTests {
    let policy = PricingPolicy(market: "de", currency: eur, pricesIncludeTax: true)

    private func offer(_ entries: [PriceEntry], groups: [String]) throws -> PriceOffer? {
        try PriceCalculator.offer(
            entries: entries, context: PriceContext(market: "de", sku: "M", at: now), groups: groups, policy: policy, taxRate: ExactDecimal("7"))
    }

    @Test func aGroupPriceBelowTheListPriceWinsAndShowsTheEverydayPrice() throws {
        let best = try #require(try offer([try entry("10.00"), try entry("8.00", group: "students")], groups: ["students"]))
        #expect(best.quote.displayed.decimalString == "8.00" && best.compareAt?.decimalString == "10.00")
        #expect(best.quote.entry.customerGroup == "students")
    }

    @Test func aLowerSaleBeatsTheGroupPrice() throws {
        let sale = try entry("7.50", from: now.addingTimeInterval(-86400), to: now.addingTimeInterval(86400))
        let best = try #require(try offer([try entry("10.00"), try entry("9.00", group: "students"), sale], groups: ["students"]))
        #expect(best.quote.displayed.decimalString == "7.50" && best.quote.entry.customerGroup == nil)
    }

    @Test func aGroupPriceAboveTheGuestPriceIsNeverCharged() throws {
        let best = try #require(try offer([try entry("10.00"), try entry("11.00", group: "staff")], groups: ["staff"]))
        #expect(best.quote.displayed.decimalString == "10.00" && best.compareAt == nil)
    }

    @Test func theCheapestOfSeveralGroupsWinsAndTiersKeepTheLowest() throws {
        let entries = [try entry("10.00"), try entry("9.00", group: "gold"), try entry("8.50", group: "staff"), try entry("8.00", min: 6)]
        let best = try #require(try offer(entries, groups: ["gold", "staff"]))
        #expect(best.quote.displayed.decimalString == "8.50" && best.quote.entry.customerGroup == "staff")
        #expect(best.tiers.map { "\($0.minQuantity): \($0.unit.decimalString)" } == ["6: 8.00"])
    }

    @Test func aGuestGetsTheGuestOffer() throws {
        let best = try #require(try offer([try entry("10.00"), try entry("8.00", group: "students")], groups: []))
        #expect(best.quote.displayed.decimalString == "10.00" && best.quote.entry.customerGroup == nil)
    }
}
