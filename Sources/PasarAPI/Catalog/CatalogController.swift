import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Storefront catalog routes: product lists, product details, categories and price explanations,
/// priced for the market in the path and written in the negotiated language.
struct CatalogController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/markets/:market/products", use: list)
        group.get("/markets/:market/products/:product", use: detail)
        group.get("/markets/:market/products/:product/price-explanation", use: explain)
        group.get("/markets/:market/categories", use: categories)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try RequestScope(request: request, context: context, services: services)
        let parameters = try await ProductListParameters(request: request, scope: scope, services: services)
        let query = parameters.query
        // Pages that depend on stock are not cached: checkouts then never clear the cache.
        let cacheable = query.stockLocations == nil && !query.facets.contains(.availability)
        let key = "list|\(scope.market.code)|\(scope.language.identifier)|\(scope.channel ?? "")|\(request.uri.query ?? "")"
        if cacheable, let cached = services.productPages.response(key) { return cached }
        let page = try await services.catalogQueries.run { try await services.catalog.listProducts(query) }
        let items = try page.products.map { try scope.presenter.view($0, entries: page.prices[$0.id] ?? []) }
        var view = ProductListView(
            market: scope.market.code, language: scope.language.identifier, items: items, nextCursor: page.next?.token)
        if let facets = page.facets {
            let listCurrency = services.markets.snapshot.market(code: query.priceMarket)?.currency ?? scope.market.currency
            view.facets = try ProductFacetsView(
                facets, asked: query.facets, categories: try await services.catalog.categories(), scope: scope, listCurrency: listCurrency)
        }
        if query.isSearch, items.isEmpty, query.after == nil { view.suggestions = page.suggestions }
        let body = try JSONResponseEncoder.encode(view)
        guard cacheable else { return JSONResponseEncoder.response(encoded: body, language: scope.language.identifier) }
        let boundary = try await services.catalog.nextPriceChange(after: query.now)
        return services.productPages.storeAndReply(key, body: body, language: scope.language.identifier, boundary: boundary)
    }

    @Sendable func detail(request: Request, context: AppRequestContext) async throws -> Response {
        let scope = try RequestScope(request: request, context: context, services: services)
        let productKey = try context.parameters.require("product")
        let key = "\(scope.market.code)|\(scope.language.identifier)|\(scope.channel ?? "")|\(productKey)"
        if let cached = services.productPages.response(key) { return cached }
        let product = try await findProduct(productKey, scope: scope)
        let entries = try await services.catalog.prices(productID: product.id, markets: [scope.pricer.priceListMarket])
        let body = try JSONResponseEncoder.encode(try scope.presenter.view(product, entries: entries))
        let now = Date()
        let boundary = entries.flatMap { [$0.validFrom, $0.validTo] }.compactMap { $0 }.filter { $0 > now }.min()
        return services.productPages.storeAndReply(key, body: body, language: scope.language.identifier, boundary: boundary)
    }

    @Sendable func explain(request: Request, context: AppRequestContext) async throws -> EditedResponse<PriceExplanationView> {
        let scope = try RequestScope(request: request, context: context, services: services, allowCustomerGroup: true)
        let product = try await findProduct(context.parameters.require("product"), scope: scope)
        let query = QueryValues(request: request)
        let sku = try query.string("sku", maxLength: 64) ?? product.variants.first?.sku ?? ""
        guard product.variants.contains(where: { $0.sku == sku }) else {
            throw Problem.invalidField("sku", "'\(sku)' is not a variant of product '\(product.id)'")
        }
        let quantity = Int64(try query.integer("quantity", default: 1, range: 1...1_000_000))
        let entries = try await services.catalog.prices(productID: product.id, markets: [scope.pricer.priceListMarket])
        guard let quote = try scope.pricer.quote(product, entries: entries, sku: sku, quantity: quantity) else {
            throw Problem(
                .notFound, code: "no_price", title: "No price",
                detail: "product '\(product.id)' has no price for \(sku) in market \(scope.market.code)")
        }
        let view = try PriceExplanationView(
            quote: quote, product: product, sku: sku, quantity: quantity, scope: scope, candidates: entries)
        return view.reply(language: scope.language.identifier)
    }

    @Sendable func categories(request: Request, context: AppRequestContext) async throws -> EditedResponse<CategoryListView> {
        let scope = try RequestScope(request: request, context: context, services: services)
        let items = try await services.catalog.categories().map { category in
            let chosen = scope.translation(category.translations)
            return CategoryView(
                id: category.id, parent: category.parentID, position: category.position,
                name: chosen?.value.name ?? category.id, slug: chosen?.value.slug ?? category.id,
                language: chosen?.language ?? scope.language.identifier)
        }
        let view = CategoryListView(market: scope.market.code, language: scope.language.identifier, items: items)
        return view.reply(language: scope.language.identifier)
    }

    /// Finds a product by id, or by slug in the response language or any of the market's languages,
    /// and checks it is sold in the market (and channel).
    private func findProduct(_ key: String, scope: RequestScope) async throws -> Product {
        var product = try await services.catalog.product(id: key)
        if product == nil {
            for language in [scope.language] + scope.market.languages {
                if let id = try await services.catalog.productID(slug: key, language: language.identifier) {
                    product = try await services.catalog.product(id: id)
                    break
                }
            }
        }
        guard let product, product.isSold(inMarket: scope.market.code, channel: scope.channel) else {
            throw Problem.notFound("product '\(key)' in market \(scope.market.code)", field: "product")
        }
        return product
    }
}
