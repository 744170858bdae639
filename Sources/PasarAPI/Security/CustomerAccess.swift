import HTTPTypes
import Hummingbird
import PasarStorage

/// Customer-scoped data (a customer's cart, orders, overview) needs the customer's signed token in
/// `Pasar-Customer-Token`, whose subject must be that customer; the admin key (support) may read any.
enum CustomerAccess {
    static let tokenHeader = HTTPField.Name("Pasar-Customer-Token")!

    static func require(_ customerID: String, request: Request, context: AppRequestContext, services: APIServices) async throws {
        if context.caller.isAdmin { return }
        guard let token = request.headers[tokenHeader] else {
            throw Problem(
                .unauthorized, code: "customer_token_required", title: "Customer token required",
                detail: "customer data needs the customer's token in Pasar-Customer-Token", field: "Pasar-Customer-Token")
        }
        guard let subject = await services.customerTokens.customerID(fromToken: token) else {
            throw Problem(
                .unauthorized, code: "customer_token_invalid", title: "Invalid customer token",
                detail: "the customer token is not valid or has expired", field: "Pasar-Customer-Token")
        }
        guard subject == customerID else {
            throw Problem(
                .forbidden, code: "other_customer", title: "Forbidden", detail: "the customer token belongs to another customer",
                field: "customer_id")
        }
    }

    /// The customer the path names (`/customers/{customer}`), once the caller may see their data
    /// (`require`); 404 naming `customer` when there is none.
    static func pathCustomer(request: Request, context: AppRequestContext, services: APIServices) async throws -> Customer {
        let id = try context.parameters.require("customer")
        try await require(id, request: request, context: context, services: services)
        guard let customer = try await services.customers.customer(id: id) else { throw Problem.notFound("customer '\(id)'", field: "customer") }
        return customer
    }
}
