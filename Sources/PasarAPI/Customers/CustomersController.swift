import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// Customers: sign-up, the profile (customer token or admin key), and the single view for support agents
/// (admin key) of everything the customer did in every channel.
struct CustomersController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/customers", use: create)
        group.get("/customers/:customer", use: get)
        group.patch("/customers/:customer", use: update)
    }

    func addSupportRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/customers/:customer/overview", use: overview)
    }

    struct CustomerInput: Decodable {
        let email: String
        let name: String
        let language: String?
        let market: String
        /// True when the customer agrees to marketing email (abandoned-cart reminders).
        let marketingConsent: Bool?
        /// E.164, for finding the customer at the till.
        let phone: String?

        enum CodingKeys: String, CodingKey {
            case email, name, language, market, phone, marketingConsent = "marketing_consent"
        }
    }

    /// `PATCH /v1/customers/{id}`: what a customer may change of themselves; absent fields stay.
    struct CustomerChange: Decodable {
        let marketingConsent: Bool?
        /// E.164; an empty string removes the phone.
        let phone: String?

        enum CodingKeys: String, CodingKey { case phone, marketingConsent = "marketing_consent" }
    }

    /// A phone as typed, in E.164, or a problem naming the field.
    static func phone(_ text: String) throws -> String {
        guard let phone = PhoneNumber(text) else {
            throw Problem.invalidField("phone", "must be an international number with its country code, such as +41 79 123 45 67")
        }
        return phone.e164
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<CustomerView> {
        let input = try await request.decode(as: CustomerInput.self, context: context)
        let email = input.email.trimmingCharacters(in: .whitespaces)
        guard email.count <= 254, let at = email.firstIndex(of: "@"), at != email.startIndex, email[email.index(after: at)...].contains("."),
            !email.contains(" ")
        else { throw Problem.invalidField("email", "must be an email address such as ayse@example.com") }
        let name = input.name.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(name.count) else { throw Problem.invalidField("name", "must be 1 to 200 characters") }
        let marketCode = input.market.trimmingCharacters(in: .whitespaces).lowercased()
        guard let market = services.markets.snapshot.market(code: marketCode) else {
            throw Problem.invalidField("market", "'\(input.market)' is not a market")
        }
        var language = market.defaultLanguage
        if let requested = input.language {
            guard let tag = try? LocaleTag(requested), let match = try? LocaleNegotiator(supported: market.languages).bestMatch(for: [tag]) else {
                throw Problem.invalidField(
                    "language", "'\(requested)' is not a language of market \(market.code) (\(market.languages.map(\.identifier).joined(separator: ", ")))")
            }
            language = match
        }
        let customer = try await services.customers.create(
            Customer(
                id: "cus_" + CartIdentifier.make(), email: email, name: name, language: language.identifier, market: market.code,
                marketingConsentAt: input.marketingConsent == true ? Date() : nil, phone: try input.phone.map(Self.phone)))
        return CustomerView(customer).reply(.created, location: "/v1/customers/\(customer.id)")
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> CustomerView {
        let customer = try await CustomerAccess.pathCustomer(request: request, context: context, services: services)
        return try await CustomerView.load(customer, services: services)
    }

    /// Gives or withdraws marketing consent, sets or removes the phone (customer token or admin key).
    @Sendable func update(request: Request, context: AppRequestContext) async throws -> CustomerView {
        let customer = try await CustomerAccess.pathCustomer(request: request, context: context, services: services)
        let change = try await request.decode(as: CustomerChange.self, context: context)
        let phone = try change.phone.map { $0.trimmed.isEmpty ? nil : try Self.phone($0) }
        _ = try await services.customerProfiles.update(customerID: customer.id, phone: phone, marketingConsent: change.marketingConsent, now: Date())
        return try await CustomerView.load(try await services.customers.customer(id: customer.id) ?? customer, services: services)
    }

    @Sendable func overview(request: Request, context: AppRequestContext) async throws -> CustomerOverviewView {
        let id = try context.parameters.require("customer")
        let limit = try QueryValues(request: request).integer("limit", default: 20, range: 1...100)
        guard let overview = try await services.customers.overview(customerID: id, limit: limit) else {
            throw Problem.notFound("customer '\(id)'", field: "customer")
        }
        let snapshot = services.markets.snapshot
        let groups = try await services.customerGroups.groups(customerID: id)
        return try CustomerOverviewView(overview, groups: groups, markets: snapshot)
    }
}
