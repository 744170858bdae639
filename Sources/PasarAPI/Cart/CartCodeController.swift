import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarStorage

/// Short codes that hand a cart from the shopper's phone to the till (`CartCode`): the storefront asks
/// for one and shows it; the POS types it and gets the cart. A code is a key to the cart, so only
/// callers with a secret key (or the anonymous caller of a development server) may redeem one; a
/// publishable key, which every browser holds, may only ask for codes of carts it already has.
struct CartCodeController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts/:cart/codes", use: issue)
        group.get("/cart-codes/:code", use: redeem)
    }

    /// `POST /v1/carts/{id}/codes`: a new code for the cart, valid for `CartCode.lifetimeSeconds`.
    @Sendable func issue(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartCodeView> {
        let (cart, scope) = try await CartResponder(services: services).pathCart(request: request, context: context)
        guard cart.status == .active else { throw Problem.from(CartStoreError.notActive(cart)) }
        let now = Date()
        let expires = now.addingTimeInterval(TimeInterval(CartCode.lifetimeSeconds))
        // 2³⁰ codes against the few live at once: a second draw is already rare.
        for _ in 0..<8 {
            let code = CartCode.random()
            if try await services.carts.saveCode(code, cartID: cart.id, expires: expires, now: now) {
                let view = try CartCodeView(code: code, cartID: cart.id, expires: expires, language: scope.language, timeZone: scope.market.timeZone)
                return view.reply(.created, language: scope.language.identifier)
            }
        }
        throw Problem(.serviceUnavailable, code: "cart_code_busy", title: "Try again", detail: "no free cart code was found; try again")
    }

    /// `GET /v1/cart-codes/{code}`: the cart a code opens, as `GET /v1/carts/{id}` shows it.
    @Sendable func redeem(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        if context.caller.publishableOrigins != nil { throw Problem.publishableKeyRefused }
        let typed = try context.parameters.require("code")
        // Path parameters arrive percent-encoded; a typed space is `%20`.
        guard let code = CartCode(typed: typed.removingPercentEncoding ?? typed) else {
            throw Problem.invalidField("code", "expected the \(CartCode.length) letters and digits the cart shows, such as K7Q-9XM")
        }
        guard let cartID = try await services.carts.cartID(code: code, now: Date()), let cart = try await services.carts.cart(id: cartID) else {
            throw Problem.notFound("a cart with code \(code.display) (codes expire after \(CartCode.lifetimeSeconds / 60) minutes)", field: "code")
        }
        let scope = try CartScope(marketCode: cart.market, request: request, context: context, services: services)
        var response = try await CartResponder(services: services).response(cart, scope: scope)
        response.headers[.contentLocation] = "/v1/carts/\(cart.id)"
        return response
    }
}

struct CartCodeView: ResponseEncodable {
    let code: String
    /// The code as people read it: `K7Q-9XM`.
    let display: String
    let cartID: String
    let expiresAt: String
    /// When the code stops working, in the request's language and the market's time zone.
    let expiresAtFormatted: String

    init(code: CartCode, cartID: String, expires: Date, language: LocaleTag, timeZone: String) throws {
        self.code = code.value
        display = code.display
        self.cartID = cartID
        expiresAt = CartPresenter.timestamp(expires)
        expiresAtFormatted = try DateFormatting.shared.format(DateFormatting.Instant(expires), .dateTime, locale: language, timeZone: timeZone)
    }

    enum CodingKeys: String, CodingKey {
        case code, display, cartID = "cart_id", expiresAt = "expires_at", expiresAtFormatted = "expires_at_formatted"
    }
}
