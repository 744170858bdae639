import Foundation
import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// Admin routes that put a customer in a group their home market declares (`customer_groups:` of the
/// market file), optionally until a time, or take them out. Rule-granted memberships are the rules'
/// own: these routes neither change nor remove them.
struct CustomerGroupsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/customers/:customer/groups/:group", use: put)
        group.delete("/customers/:customer/groups/:group", use: delete)
    }

    /// `PUT` body, optional: `{"expires_at": "2027-06-30T00:00:00Z"}`; without it the membership has no end.
    struct GroupInput: Decodable {
        let expiresAt: String?

        enum CodingKeys: String, CodingKey { case expiresAt = "expires_at" }
    }

    @Sendable func put(request: Request, context: AppRequestContext) async throws -> CustomerView {
        let (customer, code) = try await target(context)
        var input = GroupInput(expiresAt: nil)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        if body.readableBytes > 0 { input = try JSONRequestDecoder.decode(GroupInput.self, from: body.readableBytesView) }
        let now = Date()
        let expiresAt = try input.expiresAt.map { try Self.expiry($0, now: now) }
        _ = try await services.customerGroups.set(
            customerID: customer.id, group: CustomerGroup(code: code, source: .admin, expiresAt: expiresAt, since: now))
        context.logger.info("customer group set", metadata: ["customer.id": "\(customer.id)", "group": "\(code)"])
        return try await CustomerView.load(customer, services: services)
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> CustomerView {
        let (customer, code) = try await target(context)
        guard try await services.customerGroups.remove(customerID: customer.id, code: code, source: .admin) else {
            throw Problem.notFound("an admin-set group '\(code)' of customer '\(customer.id)'", field: "group")
        }
        context.logger.info("customer group removed", metadata: ["customer.id": "\(customer.id)", "group": "\(code)"])
        return try await CustomerView.load(customer, services: services)
    }

    /// The path's customer and group; the group must be one the customer's home market declares.
    private func target(_ context: AppRequestContext) async throws -> (Customer, String) {
        let id = try context.parameters.require("customer")
        let code = try context.parameters.require("group")
        guard CustomerGroup.isValidCode(code) else {
            throw Problem.invalidField("group", "'\(code)' must be 1 to 40 lowercase letters, digits, '-' or '_'")
        }
        guard let customer = try await services.customers.customer(id: id) else { throw Problem.notFound("customer '\(id)'", field: "customer") }
        let market = services.markets.snapshot.market(code: customer.market)
        guard let market, market.customerGroup(code) != nil else {
            let declared = market?.customerGroups.map(\.code).joined(separator: ", ") ?? ""
            throw Problem.invalidField("group", "'\(code)' is not a customer group of market \(customer.market) (\(declared))")
                .saying("problem_unknown_customer_group", ["field": .text("group"), "group": .text(code), "market": .text(customer.market)])
        }
        return (customer, code)
    }

    /// A membership's end: an ISO 8601 time with offset, after `now`.
    static func expiry(_ text: String, now: Date) throws -> Date {
        guard let date = ISOTimestamp.parse(text), date > now else {
            throw Problem.invalidField("expires_at", "must be a later ISO 8601 time with its offset, such as 2027-06-30T00:00:00Z")
                .saying("problem_group_expiry", ["field": .text("expires_at")])
        }
        return date
    }
}
