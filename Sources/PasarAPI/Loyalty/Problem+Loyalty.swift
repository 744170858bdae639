import Hummingbird
import PasarLocalization

/// The problems of loyalty points.
extension Problem {
    static func loyaltyNotOffered(market: String) -> Problem {
        Problem(
            .unprocessableContent, code: "loyalty_not_offered", title: "No loyalty points", detail: "market \(market) has no loyalty points",
            field: "market"
        ).saying("problem_loyalty_not_offered", ["market": .text(market)])
    }

    static func loyaltyUnknownMarket(_ market: String) -> Problem {
        Problem.invalidField("market", "'\(market)' is not a market").saying("problem_loyalty_unknown_market", ["market": .text(market)])
    }

    static let loyaltySignInRequired = Problem(
        .unprocessableContent, code: "loyalty_sign_in_required", title: "Sign-in required",
        detail: "points are redeemed on a signed-in customer's cart", field: "customer_id"
    ).saying("problem_loyalty_sign_in_required")

    /// More points than the balance: `status` 422 when a cart asks for them, 409 when a checkout finds
    /// them spent by another one meanwhile.
    static func loyaltyInsufficient(requested: Int64, balance: Int64, status: HTTPResponse.Status, field: String) -> Problem {
        Problem(
            status, code: "loyalty_insufficient_points", title: "Not enough points",
            detail: "\(field): \(requested) points asked for, the balance is \(balance)", field: field,
            extensions: ["balance": String(balance)]
        ).saying("problem_loyalty_insufficient", ["points": .number(String(requested)), "balance": .number(String(balance))])
    }
}
