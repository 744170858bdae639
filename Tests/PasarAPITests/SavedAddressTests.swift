import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Saved addresses and the fast checkout they allow: one default per kind, checkout by
/// `address_id`, and a returning customer's cart proposing what they chose last time.
@Suite("Saved addresses and fast checkout")
struct SavedAddressTests {
    private func customer(_ client: any TestClientProtocol, _ email: String) async throws -> String {
        try await client.execute(
            uri: "/v1/customers", method: .post, headers: [.contentType: "application/json"],
            body: try CartClient.json(["email": email, "name": "Jonas Weber", "market": "de"])
        ) { response in
            #expect(response.status == .created, "\(response.text)")
            return try response.json(IDBody.self).id
        }
    }

    private func save(_ client: any TestClientProtocol, _ customer: String, _ fields: [String: Any]) async throws -> TestResponse {
        var body: [String: Any] = ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"]
        body.merge(fields) { $1 }
        return try await client.execute(
            uri: "/v1/customers/\(customer)/addresses", method: .post, headers: OrderClient.admin, body: try CartClient.json(body))
    }

    private func addresses(_ client: any TestClientProtocol, _ customer: String) async throws -> [AddressBody] {
        try await client.execute(uri: "/v1/customers/\(customer)/addresses", method: .get, headers: OrderClient.admin) { response in
            #expect(response.status == .ok, "\(response.text)")
            return try response.json(AddressListBody.self).addresses
        }
    }

    @Test func oneDefaultPerKind() async throws {
        try await TestServer().run { client in
            let jonas = try await customer(client, "jonas@example.com")
            let home = try await save(client, jonas, [:]).json(AddressBody.self)
            #expect(home.default && home.kind == "shipping")
            let office = try await save(client, jonas, ["line1": "Friedrichstraße 1", "postal_code": "10117", "default": true]).json(AddressBody.self)
            let billing = try await save(client, jonas, ["kind": "billing"]).json(AddressBody.self)
            #expect(office.default && billing.default)
            #expect(try await addresses(client, jonas).map { "\($0.line1) \($0.kind) \($0.default)" }
                == ["Friedrichstraße 1 shipping true", "Oranienstraße 5 billing true", "Oranienstraße 5 shipping false"])
            let again = try await client.execute(
                uri: "/v1/customers/\(jonas)/addresses/\(home.id)", method: .patch, headers: OrderClient.admin, body: try CartClient.json(["default": true]))
            #expect(try again.json(AddressBody.self).default)
            #expect(try await addresses(client, jonas).filter(\.default).map(\.id).sorted() == [billing.id, home.id].sorted())
            #expect(try await client.execute(uri: "/v1/customers/\(jonas)/addresses/\(office.id)", method: .delete, headers: OrderClient.admin).status == .noContent)
            #expect(try await addresses(client, jonas).count == 2)
        }
    }

    @Test func concurrentFirstAddressesLeaveOneDefault() async throws {
        try await TestServer().run { client in
            let jonas = try await customer(client, "jonas@example.com")
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<10 { group.addTask { try await save(client, jonas, ["line1": "Hausnummer \(index)"]).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            let saved = try await addresses(client, jonas)
            #expect(saved.count == 10 && saved.filter(\.default).count == 1)
        }
    }

    @Test func checkoutByAddressIDAndTheProposalOfAReturningCustomer() async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "leipzig-lager", units: 10)
            try await orders.receive("TEA-RIZE-BLACK-250G", at: "berlin-mitte", units: 10)
            let jonas = try await customer(client, "jonas@example.com")
            let other = try await customer(client, "lea@example.com")
            let home = try await save(client, jonas, [:]).json(AddressBody.self)
            let geneva = try await save(client, jonas, ["line1": "Rue du Rhône 1", "postal_code": "1204", "city": "Genève", "country": "CH"]).json(AddressBody.self)
            let foreign = try await save(client, other, [:]).json(AddressBody.self)

            // A refused checkout leaves the cart open for the next try.
            var cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: jonas)
            func checkout(_ fulfilment: [String: Any], key: String) async throws -> TestResponse {
                try await orders.checkout(cart.id, fulfilment: fulfilment, key: key, email: nil)
            }
            for (index, (fulfilment, why)) in [
                (["type": "ship", "shipping_method": "express", "address_id": foreign.id], "another customer's address"),
                (["type": "ship", "shipping_method": "express", "address_id": geneva.id], "an address outside the market"),
                (["type": "ship", "shipping_method": "express", "address_id": home.id, "address": ["name": "A", "line1": "B", "postal_code": "1", "city": "C", "country": "DE"]], "both"),
            ].enumerated() as EnumeratedSequence<[([String: Any], String)]> {
                let refused = try await checkout(fulfilment, key: "refused-\(index)")
                #expect(refused.status == .badRequest && (try? refused.json(ProblemBody.self).field) == "fulfilment.address_id", "\(why): \(refused.text)")
            }
            let shipped = try await checkout(["type": "ship", "shipping_method": "express", "address_id": home.id], key: "fast-1")
            #expect(shipped.status == .created, "\(shipped.text)")
            #expect(try shipped.json(ShipOrderBody.self).fulfilment.address.line1 == "Oranienstraße 5")
            cart = try await carts.create(market: "de", lines: [("TEA-RIZE-BLACK-250G", 1)], customer: jonas)
            #expect(try await checkout(["type": "collect", "store": "berlin-mitte"], key: "fast-2").status == .created)

            let next = try await carts.create(market: "de", customer: jonas)
            let proposal = try await client.execute(uri: "/v1/carts/\(next.id)/checkout-proposal", method: .get, headers: [.channel: "web"]) {
                try $0.json(ProposalBody.self)
            }
            #expect(proposal.shipping_method == "express" && proposal.pickup_store == "berlin-mitte" && proposal.address?.id == home.id)
            let guest = try await carts.create(market: "de")
            let none = try await client.execute(uri: "/v1/carts/\(guest.id)/checkout-proposal", method: .get, headers: [.channel: "web"]) {
                try $0.json(ProposalBody.self)
            }
            #expect(none.shipping_method == nil && none.address == nil)
        }
    }

    @Test func badAddressesNameTheField() async throws {
        try await TestServer().run { client in
            let jonas = try await customer(client, "jonas@example.com")
            for (fields, field) in [
                (["kind": "home"], "kind"), (["country": "KP"], "address.country"), (["name": " "], "address.name"),
                (["latitude": 52.5], "address.longitude"), (["postal_code": String(repeating: "1", count: 21)], "address.postal_code"),
            ] as [([String: Any], String)] {
                let refused = try await save(client, jonas, fields)
                #expect(refused.status == .badRequest && (try? refused.json(ProblemBody.self).field) == field, "\(fields): \(refused.text)")
            }
            #expect(try await addresses(client, jonas).isEmpty, "nothing half-written")
            let anonymous = try await client.execute(uri: "/v1/customers/\(jonas)/addresses", method: .get)
            #expect(anonymous.status == .unauthorized)
            let missing = try await client.execute(
                uri: "/v1/customers/\(jonas)/addresses/adr_missing", method: .patch, headers: OrderClient.admin, body: try CartClient.json(["default": true]))
            #expect(missing.status == .notFound && (try? missing.json(ProblemBody.self).field) == "address")
            for _ in 0..<20 { #expect(try await save(client, jonas, [:]).status == .created) }
            let full = try await save(client, jonas, ["default": true])
            #expect(full.status == .conflict && (try? full.json(ProblemBody.self).code) == "too_many_addresses", "\(full.text)")
            #expect(try await addresses(client, jonas).filter(\.default).count == 1, "the refused default took nothing away")
        }
    }
}

private struct IDBody: Decodable { let id: String }

private struct AddressBody: Decodable {
    let id: String
    let kind: String
    let `default`: Bool
    let line1: String
}

private struct AddressListBody: Decodable { let addresses: [AddressBody] }

private struct ShipOrderBody: Decodable {
    struct Fulfilment: Decodable {
        struct Address: Decodable { let line1: String }
        let address: Address
    }

    let fulfilment: Fulfilment
}

private struct ProposalBody: Decodable {
    let shipping_method: String?
    let pickup_store: String?
    let address: AddressBody?
}
