import Hummingbird
import PasarCore
import PasarLocalization
import PasarStorage

/// The problems cart routes raise.
extension Problem {
    static func from(_ error: CartStoreError) -> Problem {
        switch error {
        case .cartNotFound(let id):
            Problem.notFound("cart '\(id)' (carts expire when unused)", field: "cart").saying("problem_cart_not_found", ["cart": .text(id)])
        case .lineNotFound(let id):
            .notFound("line '\(id)'", field: "line")
        case .stale(let cart):
            // Routes answer staleness with the current cart (see CartResponder); this is the fallback.
            Problem(.preconditionFailed, code: "stale_cart", title: "Cart changed", detail: "the cart is at version \(cart.version)", field: "If-Match")
        case .notActive(let cart) where cart.mergedInto == nil && cart.status == .checkedOut:
            Problem(.conflict, code: "cart_not_active", title: "Cart closed", detail: "the cart is checked out", field: "cart")
                .saying("problem_cart_not_active")
        case .notActive(let cart):
            Problem(
                .conflict, code: "cart_not_active", title: "Cart closed",
                detail: cart.mergedInto.map { "the cart was merged into cart \($0)" } ?? "the cart is \(cart.status.rawValue.replacingOccurrences(of: "_", with: " "))",
                field: "cart", extensions: cart.mergedInto.map { ["merged_into": $0] } ?? [:])
        case .quantityLimit(let max):
            .invalidField("quantity", "a line holds at most \(max) units")
        case .lineLimit(let max):
            Problem(.conflict, code: "cart_full", title: "Cart full", detail: "a cart holds at most \(max) lines", field: "sku")
        case .marketChanged:
            Problem(.conflict, code: "cart_busy", title: "Cart changed", detail: "the cart's market changed during the request; retry")
        case .customerHasCart(let market, let cartID):
            Problem(
                .conflict, code: "customer_has_cart", title: "Customer has a cart",
                detail: "the customer already has an active cart in market \(market); merge it instead", field: "customer_id",
                extensions: ["cart_id": cartID])
        case .differentMarkets(let first, let second):
            Problem(
                .conflict, code: "different_markets", title: "Different markets",
                detail: "carts in markets \(first) and \(second) cannot be merged; switch one cart's market first", field: "source_cart_id")
        case .voucherNotOnCart(let code):
            .notFound("voucher '\(code)' on this cart", field: "code")
        }
    }

    static func notSold(sku: String, reason: String) -> Problem {
        Problem(.unprocessableContent, code: "not_sold", title: "Not sold here", detail: "sku: \(reason)", field: "sku")
            .saying("problem_not_sold", ["sku": .text(sku)])
    }

    static func voucherRejected(_ rejection: VoucherRejection, message: String) -> Problem {
        Problem(.unprocessableContent, code: rejection.code, title: "Voucher not applicable", detail: message, field: "code")
    }
}
