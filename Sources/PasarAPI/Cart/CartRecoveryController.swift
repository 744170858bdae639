import Foundation
import Hummingbird
import PasarStorage

/// Abandoned carts: the admin list with one-time recovery tokens, and `POST /v1/carts/recover`,
/// which any channel calls with a token from a reminder to reopen the cart.
struct CartRecoveryController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts/recover", use: recover)
    }

    func addAdminRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/carts/abandoned", use: abandoned)
    }

    /// `GET /v1/admin/carts/abandoned?idle_hours=24&limit=50&cursor=…`
    @Sendable func abandoned(request: Request, context: AppRequestContext) async throws -> AbandonedCartList {
        let query = QueryValues(request: request)
        let hours = try query.integer("idle_hours", default: 24, range: 1...24 * 365)
        let limit = try query.integer("limit", default: 50, range: 1...200)
        var cursor: AbandonedCursor?
        if let token = try query.string("cursor", maxLength: 200) {
            guard let parsed = AbandonedCursor(token: token) else { throw Problem.invalidField("cursor", "pass next_cursor back unchanged") }
            cursor = parsed
        }
        let now = Date()
        let carts = try await services.carts.abandoned(idleSince: now.addingTimeInterval(-Double(hours) * 3600), after: cursor, limit: limit)
        var items: [AbandonedCartView] = []
        for cart in carts {
            guard let market = services.markets.snapshot.market(code: cart.market) else { continue }
            let view = try CartPresenter(market: market, language: market.defaultLanguage, lifetime: services.cartSettings.lifetime, messages: services.cartMessages)
                .view(cart, products: [:], vouchers: try await services.carts.vouchers(codes: cart.vouchers))
            items.append(
                AbandonedCartView(
                    cartID: cart.id, market: cart.market, customerID: cart.customerID, email: cart.email,
                    language: market.defaultLanguage.identifier, itemCount: view.itemCount, total: view.totals.total,
                    itemsUpdatedAt: CartPresenter.timestamp(cart.itemsUpdatedAt), channels: cart.channels,
                    recoveryToken: CartRecoveryToken.issue(
                        cartID: cart.id, lifetime: services.cartSettings.recoveryLinkLifetime, key: services.cartSettings.recoveryKey, now: now)))
        }
        let next = carts.count == limit ? carts.last.map { AbandonedCursor(after: $0).token } : nil
        return AbandonedCartList(items: items, nextCursor: next)
    }

    /// `POST /v1/carts/recover {"token": …}`: the cart, once per token, while the token is valid.
    @Sendable func recover(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: RecoverInput.self, context: context)
        guard input.token.count <= 512, let token = CartRecoveryToken.verify(input.token, key: services.cartSettings.recoveryKey) else {
            throw Problem.invalidField("token", "is not a recovery token issued by this shop")
        }
        guard token.expires > Date() else {
            throw Problem(.gone, code: "token_expired", title: "Link expired", detail: "the recovery link has expired", field: "token")
        }
        guard let cart = try await services.carts.cart(id: token.cartID), cart.status == .active else {
            throw Problem(.gone, code: "cart_gone", title: "Cart gone", detail: "the cart was checked out, merged or has expired", field: "token")
        }
        guard try await services.carts.spendRecoveryToken(nonce: token.nonce, cartID: cart.id, at: Date()) else {
            throw Problem(.gone, code: "token_used", title: "Link used", detail: "the recovery link was already used", field: "token")
        }
        let scope = try CartScope(marketCode: cart.market, request: request, context: context, services: services)
        return try await CartResponder(services: services).response(cart, scope: scope)
    }
}

struct AbandonedCartView: Encodable {
    let cartID: String
    let market: String
    let customerID: String?
    let email: String?
    /// The language a reminder should be written in.
    let language: String
    let itemCount: Int64
    let total: AmountView
    let itemsUpdatedAt: String
    let channels: [String]
    /// One-time token for `POST /v1/carts/recover`, to put in the reminder's link.
    let recoveryToken: String

    enum CodingKeys: String, CodingKey {
        case cartID = "cart_id", market, customerID = "customer_id", email, language, itemCount = "item_count", total
        case itemsUpdatedAt = "items_updated_at", channels, recoveryToken = "recovery_token"
    }
}

struct AbandonedCartList: ResponseEncodable {
    let items: [AbandonedCartView]
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items, nextCursor = "next_cursor"
    }
}
