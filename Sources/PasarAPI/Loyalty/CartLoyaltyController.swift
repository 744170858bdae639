import Foundation
import Hummingbird
import PasarCore
import PasarStorage

/// `POST /v1/carts/{id}/loyalty` `{"points": 500}` and `DELETE`: the signed-in customer's points a
/// cart redeems, from any channel. The balance is checked here so the shopper hears at once; the points
/// leave the ledger only at checkout, atomically (`LoyaltyRedemptionPlan`), so two devices cannot
/// spend them twice. Redeeming needs the customer's token, or a staff key (the till) or the admin key.
struct CartLoyaltyController {
    let services: APIServices
    private var responder: CartResponder { CartResponder(services: services) }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/carts/:cart/loyalty", use: redeem)
        group.delete("/carts/:cart/loyalty", use: remove)
    }

    @Sendable func redeem(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let input = try await request.decode(as: RedeemPointsInput.self, context: context)
        guard (1...RedeemPointsInput.maximum).contains(input.points) else {
            throw Problem.invalidField("points", "must be a whole number from 1 to \(RedeemPointsInput.maximum)")
                .saying("problem_quantity_range", ["field": .text("points"), "max": .number(String(RedeemPointsInput.maximum))])
        }
        let expected = try CartScope.expectedVersion(request)
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        guard scope.market.loyalty != nil else { throw Problem.loyaltyNotOffered(market: scope.market.code) }
        guard let customerID = cart.customerID else { throw Problem.loyaltySignInRequired }
        if context.caller.stores == nil { try await CustomerAccess.require(customerID, request: request, context: context, services: services) }
        let balance = try await services.loyalty.balance(customerID: customerID, market: cart.market, now: Date())
        guard balance.points >= input.points else {
            throw Problem.loyaltyInsufficient(requested: input.points, balance: balance.points, status: .unprocessableContent, field: "points")
        }
        return try await responder.write(scope: scope, request: request) {
            try await services.carts.setLoyaltyPoints(input.points, write: CartWrite(cartID: cart.id, channel: scope.channel, expectedVersion: expected))
        }
    }

    @Sendable func remove(request: Request, context: AppRequestContext) async throws -> EditedResponse<CartView> {
        let expected = try CartScope.expectedVersion(request)
        let (cart, scope) = try await responder.pathCart(request: request, context: context)
        return try await responder.write(scope: scope, request: request) {
            try await services.carts.setLoyaltyPoints(0, write: CartWrite(cartID: cart.id, channel: scope.channel, expectedVersion: expected))
        }
    }
}
