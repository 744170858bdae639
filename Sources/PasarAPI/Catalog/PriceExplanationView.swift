import Hummingbird
import PasarCore
import PasarLocalization

/// How a price was reached, step by step, for merchants and support agents.
struct PriceExplanationView: ResponseEncodable, Sendable {
    struct Step: Encodable, Sendable {
        let kind: String
        let detail: String
        let amount: AmountView
    }

    /// A price-list row considered for the lookup.
    struct Candidate: Encodable, Sendable {
        let variant: String?
        let amount: AmountView
        let channel: String?
        let customerGroup: String?
        let minQuantity: Int64
        let validFrom: String?
        let validTo: String?
        let applies: Bool
        let chosen: Bool

        enum CodingKeys: String, CodingKey {
            case variant, amount, channel, applies, chosen
            case customerGroup = "customer_group"
            case minQuantity = "min_quantity"
            case validFrom = "valid_from"
            case validTo = "valid_to"
        }
    }

    let product: String
    let sku: String
    let market: String
    let priceListMarket: String
    let language: String
    let quantity: Int64
    let taxClass: String
    let taxRate: String
    let taxIncluded: Bool
    let candidates: [Candidate]
    let steps: [Step]
    let net: AmountView
    let tax: AmountView
    let gross: AmountView
    let display: AmountView

    enum CodingKeys: String, CodingKey {
        case product, sku, market, language, quantity, candidates, steps, net, tax, gross, display
        case priceListMarket = "price_list_market"
        case taxClass = "tax_class"
        case taxRate = "tax_rate"
        case taxIncluded = "tax_included"
    }

    init(quote: PriceQuote, product: Product, sku: String, quantity: Int64, scope: RequestScope, candidates entries: [PriceEntry]) throws {
        let amounts = scope.pricer.amounts
        let context = PriceContext(
            market: scope.pricer.priceListMarket, sku: sku, channel: scope.channel, customerGroup: scope.pricer.customerGroup,
            quantity: quantity, at: scope.pricer.now)
        self.product = product.id
        self.sku = sku
        market = scope.market.code
        priceListMarket = scope.pricer.priceListMarket
        language = scope.language.identifier
        self.quantity = quantity
        taxClass = product.taxClass
        taxRate = quote.taxRate.description
        taxIncluded = quote.pricesIncludeTax
        candidates = try entries.filter { $0.sku == nil || $0.sku == sku }.map { entry in
            Candidate(
                variant: entry.sku, amount: try amounts(entry.amount), channel: entry.channel,
                customerGroup: entry.customerGroup, minQuantity: entry.minQuantity,
                validFrom: entry.validFrom?.formatted(.iso8601), validTo: entry.validTo?.formatted(.iso8601),
                applies: entry.applies(to: context), chosen: entry == quote.entry)
        }
        steps = try quote.steps.map { Step(kind: $0.kind, detail: $0.detail, amount: try amounts($0.amount)) }
        net = try amounts(quote.net)
        tax = try amounts(quote.tax)
        gross = try amounts(quote.gross)
        display = try amounts(quote.displayed)
    }
}

import Foundation
