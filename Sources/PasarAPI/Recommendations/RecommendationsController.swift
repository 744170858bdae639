import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// Recommendation routes: beside a product page (any channel key) and for a signed-in customer
/// (their token, or the admin key for support), each product priced and written like the catalog's.
struct RecommendationsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/markets/:market/products/:product/recommendations", use: forProduct)
        group.get("/customers/:customer/recommendations", use: forCustomer)
    }

    @Sendable func forProduct(request: Request, context: AppRequestContext) async throws -> RecommendationListView {
        let scope = try RequestScope(request: request, context: context, services: services)
        let limit = try QueryValues(request: request).integer("limit", default: 8, range: 1...50)
        let id = try context.parameters.require("product")
        guard let product = try await services.catalog.product(id: id), product.isSold(inMarket: scope.market.code, channel: scope.channel) else {
            throw Problem.notFound("product '\(id)' in market \(scope.market.code)", field: "product")
        }
        let picks = try await services.recommendations.forProduct(product.id, market: scope.market, channel: scope.channel, limit: limit)
        return try await view(picks, scope: scope, product: product.id)
    }

    @Sendable func forCustomer(request: Request, context: AppRequestContext) async throws -> RecommendationListView {
        let customer = try await CustomerAccess.pathCustomer(request: request, context: context, services: services)
        let query = QueryValues(request: request)
        let code = try query.nonEmpty("market", maxLength: 40) ?? customer.market
        guard let market = services.markets.snapshot.market(code: code) else { throw Problem.invalidField("market", "'\(code)' is not a market") }
        let scope = try RequestScope(market: market, request: request, context: context, services: services)
        let limit = try query.integer("limit", default: 8, range: 1...50)
        let picks = try await services.recommendations.forCustomer(customer, market: market, channel: scope.channel, limit: limit)
        return try await view(picks, scope: scope, product: nil)
    }

    /// The picks priced in the scope; one without a price here is left out.
    private func view(_ picks: [Recommendations.Pick], scope: RequestScope, product: String?) async throws -> RecommendationListView {
        var items: [RecommendationView] = []
        for pick in picks {
            let entries = try await services.catalog.prices(productID: pick.product.id, markets: [scope.pricer.priceListMarket])
            let view = try scope.presenter.view(pick.product, entries: entries)
            if view.price != nil { items.append(RecommendationView(reason: pick.reason.rawValue, score: pick.score, product: view)) }
        }
        return RecommendationListView(market: scope.market.code, language: scope.language.identifier, product: product, items: items)
    }
}

struct RecommendationListView: ResponseEncodable {
    let market: String
    let language: String
    /// The product the list is for; absent for a customer's list.
    let product: String?
    let items: [RecommendationView]
}

struct RecommendationView: Encodable {
    /// `bought_together` or `popular`.
    let reason: String
    /// Orders shared with the product (or the customer's purchases), or units sold for `popular`.
    let score: Int64
    let product: ProductView
}
