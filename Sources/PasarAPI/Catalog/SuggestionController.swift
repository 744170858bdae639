import Hummingbird
import PasarCore
import PasarLocalization
import PasarStorage

/// The search box's route: as the shopper types, the best few product names (the last word read
/// as a prefix, typos tolerated) and the categories whose names start with what was typed.
struct SuggestionController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/markets/:market/search/suggestions", use: suggest)
    }

    @Sendable func suggest(request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try RequestScope(request: request, context: context, services: services)
        let values = QueryValues(request: request)
        try values.refuseUnknown(["q", "lang", "channel", "limit"], route: "suggestions")
        guard let text = try values.string("q", maxLength: 100) else { throw Problem.invalidField("q", "is required") }
        let limit = try values.integer("limit", default: 5, range: 1...10)
        let key = "suggest|\(scope.market.code)|\(scope.language.identifier)|\(scope.channel ?? "")|\(request.uri.query ?? "")"
        if let cached = services.productPages.response(key) { return cached }
        let query = ProductListQuery(
            market: scope.market.code, priceMarket: scope.pricer.priceListMarket, channel: scope.channel,
            language: scope.language.identifier, searchLanguages: scope.languageChain, search: text, sort: .relevance, limit: limit)
        let page = try await services.catalogQueries.run { try await services.catalog.listProducts(query) }
        let products = page.products.map { product in
            let chosen = scope.translation(product.translations)
            return SuggestionView.Product(id: product.id, name: chosen?.value.name ?? product.id, slug: chosen?.value.slug ?? product.id)
        }
        let words = SearchText.terms(text)
        let categories = try await services.catalog.categories().compactMap { category -> SuggestionView.Category? in
            guard let chosen = scope.translation(category.translations) else { return nil }
            let terms = SearchText.terms(chosen.value.name)
            guard !words.isEmpty, words.allSatisfy({ word in terms.contains { $0.hasPrefix(word) } }) else { return nil }
            return SuggestionView.Category(id: category.id, name: chosen.value.name)
        }
        let view = SuggestionView(
            market: scope.market.code, language: scope.language.identifier, query: text, products: products,
            categories: Array(categories.prefix(limit)), suggestions: products.isEmpty ? page.suggestions : [])
        let body = try JSONResponseEncoder.encode(view)
        let boundary = try await services.catalog.nextPriceChange(after: query.now)
        return services.productPages.storeAndReply(key, body: body, language: scope.language.identifier, boundary: boundary)
    }
}

/// Search-box suggestions for a prefix.
struct SuggestionView: Encodable, Sendable {
    struct Product: Encodable, Sendable {
        let id: String
        let name: String
        let slug: String
    }

    struct Category: Encodable, Sendable {
        let id: String
        let name: String
    }

    let market: String
    let language: String
    let query: String
    let products: [Product]
    let categories: [Category]
    /// Known words close to the query, when no product matched.
    let suggestions: [String]
}
