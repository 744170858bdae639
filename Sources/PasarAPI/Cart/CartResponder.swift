import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Renders carts as responses: loads the products and vouchers a cart names, computes its totals,
/// and sets `ETag` to the cart's version. A stale `If-Match` gets 412 with the current cart inside
/// the problem, so the client can show it and retry without another request.
struct CartResponder {
    let services: APIServices

    func response(
        _ cart: StoredCart, scope: CartScope, status: HTTPResponse.Status? = nil, merge: MergeReport? = nil, location: String? = nil
    ) async throws -> EditedResponse<CartView> {
        var view = try await self.view(cart, scope: scope)
        view.merge = merge
        return view.reply(status, language: scope.language.identifier, etag: "\"\(cart.version)\"", location: location)
    }

    /// The cart the path names (`/carts/{cart}`) and the scope it is shown in.
    func pathCart(request: Request, context: AppRequestContext) async throws -> (StoredCart, CartScope) {
        let id = try context.parameters.require("cart")
        guard CartIdentifier.isWellFormed(id), let cart = try await services.carts.cart(id: id) else {
            throw Problem.from(CartStoreError.cartNotFound(id))
        }
        return (cart, try CartScope(marketCode: cart.market, request: request, context: context, services: services))
    }

    /// The path's cart id and scope, from the market this process last showed the cart in when it knows
    /// it (no read; the write checks the market), else from reading the cart.
    func pathCartScope(request: Request, context: AppRequestContext) async throws -> (cartID: String, market: String, scope: CartScope) {
        let id = try context.parameters.require("cart")
        if CartIdentifier.isWellFormed(id), let market = services.cartMarkets.market(of: id) {
            return (id, market, try CartScope(marketCode: market, request: request, context: context, services: services))
        }
        let (cart, scope) = try await pathCart(request: request, context: context)
        return (cart.id, cart.market, scope)
    }

    func view(_ cart: StoredCart, scope: CartScope) async throws -> CartView {
        services.cartMarkets.remember(cart.market, guest: cart.customerID == nil, of: cart.id)
        return try await view(cart, market: scope.market, language: scope.language)
    }

    /// The cart as shown in `language`, outside a request (reminders).
    func view(_ cart: StoredCart, market: Market, language: LocaleTag) async throws -> CartView {
        let products = try await services.catalog.products(ids: cart.lines.map(\.productID))
        let vouchers = try await services.carts.vouchers(codes: cart.vouchers)
        let presenter = CartPresenter(market: market, language: language, lifetime: services.cartSettings.lifetime, messages: services.cartMessages)
        return try presenter.view(cart, products: products, vouchers: vouchers)
    }

    /// Runs a cart write, publishes the change to live listeners, and answers with the cart; store
    /// refusals become problems (412 with the current cart for a stale version).
    func write(
        scope: CartScope, request: Request, status: HTTPResponse.Status? = nil, _ body: () async throws -> StoredCart
    ) async throws -> EditedResponse<CartView> {
        do {
            let cart = try await body()
            services.cartEvents.publish(cartID: cart.id, version: cart.version)
            return try await response(cart, scope: scope, status: status)
        } catch let error as CartStoreError {
            // Left as it is for the caller that prices again (`pricingAgainIfTheMarketChanges`).
            if case .marketChanged = error { throw error }
            throw try await problem(error, scope: scope, request: request)
        }
    }

    /// The problem for a store refusal; for `stale`, a 412 carrying the current cart in `cart` and its
    /// version in `ETag`, so the client can merge without reading it again.
    func problem(_ error: CartStoreError, scope: CartScope, request: Request) async throws -> any Error {
        guard case .stale(let cart) = error else { return Problem.from(error) }
        var problem = Problem(
            .preconditionFailed, code: "stale_cart", title: "Cart changed",
            detail: "the cart changed since you read it; it is now at version \(cart.version) (sent in `cart` and `ETag`)", field: "If-Match"
        ).saying("problem_stale_cart", ["version": .number(String(cart.version))])
        problem.attachments["cart"] = try await view(cart, scope: scope)
        problem.headers[.eTag] = "\"\(cart.version)\""
        // The cart's language when the message catalog has none for the request.
        problem.headers[.contentLanguage] = scope.language.identifier
        return problem
    }
}
