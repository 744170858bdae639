import Foundation
import Hummingbird

/// `POST /v1/admin/customer-tokens`: the merchant's sign-in or identity system asks for a customer
/// token after it has authenticated the shopper.
struct CustomerTokenController {
    let services: APIServices

    struct Input: Decodable {
        let customerID: String
        let lifetimeSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case customerID = "customer_id", lifetimeSeconds = "lifetime_seconds"
        }
    }

    struct Output: ResponseEncodable {
        let token: String
        let customerID: String
        let expiresAt: String

        enum CodingKeys: String, CodingKey {
            case token, customerID = "customer_id", expiresAt = "expires_at"
        }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/customer-tokens", use: issue)
    }

    @Sendable func issue(request: Request, context: AppRequestContext) async throws -> EditedResponse<Output> {
        let input = try await request.decode(as: Input.self, context: context)
        let customerID = try CartInputRules.customerID(input.customerID)
        let lifetime = input.lifetimeSeconds ?? 3600
        guard (60...30 * 24 * 3600).contains(lifetime) else {
            throw Problem.invalidField("lifetime_seconds", "must be from 60 to 2592000 (30 days)")
        }
        let issued = try await services.customerTokens.issue(customerID: customerID, lifetime: TimeInterval(lifetime))
        let output = Output(token: issued.token, customerID: customerID, expiresAt: CartPresenter.timestamp(issued.expires))
        return output.reply(.created)
    }
}
