import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// Merchant routes behind the admin key: write products, prices and categories; reload markets.
struct AdminController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/products/:product", use: putProduct)
        group.put("/products/:product/prices", use: putPrices)
        group.put("/categories/:category", use: putCategory)
        group.post("/markets/reload", use: reloadMarkets)
    }

    private var validator: CatalogInputValidator { CatalogInputValidator(markets: services.markets.snapshot) }

    @Sendable func putProduct(request: Request, context: AppRequestContext) async throws -> EditedResponse<AdminProductView> {
        let id = try context.parameters.require("product")
        let input = try await request.decode(as: ProductInput.self, context: context)
        let (product, prices) = try validator.product(input, id: id)
        let existed = try await services.catalog.product(id: id) != nil
        try await services.catalog.save(product, prices: prices)
        services.productPages.invalidate()
        context.logger.info("product saved", metadata: ["product.id": "\(id)"])
        return AdminProductView(product: product, prices: prices?.count).reply(existed ? .ok : .created)
    }

    @Sendable func putPrices(request: Request, context: AppRequestContext) async throws -> AdminProductView {
        let id = try context.parameters.require("product")
        let input = try await request.decode(as: PriceListInput.self, context: context)
        guard let product = try await services.catalog.product(id: id) else { throw Problem.notFound("product '\(id)'", field: "product") }
        let prices = try validator.prices(input.prices, for: product)
        try await services.catalog.replacePrices(productID: id, with: prices)
        services.productPages.invalidate()
        return AdminProductView(product: product, prices: prices.count)
    }

    @Sendable func putCategory(request: Request, context: AppRequestContext) async throws -> AdminCategoryView {
        let id = try context.parameters.require("category")
        let input = try await request.decode(as: CategoryInput.self, context: context)
        let category = try validator.category(input, id: id)
        try await services.catalog.save(category)
        services.productPages.invalidate()
        return AdminCategoryView(id: category.id, languages: category.translations.keys.sorted())
    }

    @Sendable func reloadMarkets(request: Request, context: AppRequestContext) async throws -> EditedResponse<ReloadView> {
        let result = services.markets.reload()
        services.productPages.invalidate()
        let view = ReloadView(result: result, snapshot: services.markets.snapshot)
        if !view.reloaded {
            context.logger.warning("market reload refused", metadata: ["problems": "\(view.problems.count)"])
            return view.reply(.unprocessableContent)
        }
        return view.reply()
    }
}

/// Body of `PUT /v1/admin/products/{id}/prices`.
struct PriceListInput: Decodable, Sendable {
    let prices: [PriceInput]
}

struct AdminProductView: ResponseEncodable, Sendable {
    let id: String
    let variants: [String]
    let languages: [String]
    /// Prices written, or nil when the stored prices were kept.
    let prices: Int?

    init(product: Product, prices: Int?) {
        id = product.id
        variants = product.variants.map(\.sku)
        languages = product.translations.keys.sorted()
        self.prices = prices
    }
}

struct AdminCategoryView: ResponseEncodable, Sendable {
    let id: String
    let languages: [String]
}
