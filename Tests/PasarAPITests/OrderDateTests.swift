import Foundation
import HummingbirdTesting
import NIOCore
import PasarLocalization
import PasarTestSupport
import Testing

@Suite("Order dates as people read them")
struct OrderDateTests {
    private struct PlacedBody: Decodable {
        let placed_at: String
        let placed_at_formatted: String
        let language: String
    }

    /// The form of each language's date is pinned by `Fixtures/formatting/dates.json`; this checks that
    /// an order picks its own language and its market's zone (`time_zone:` in the market file).
    @Test(arguments: [("jp", "ja", "Asia/Tokyo", "TEA-RIZE-BLACK-250G"), ("de", "de", "Europe/Berlin", "TEA-RIZE-BLACK-250G")])
    func placedAtIsInTheOrdersLanguageAndTheMarketsZone(_ market: String, _ language: String, _ zone: String, _ sku: String) async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let orders = OrderClient(client: client)
            let store = try await client.execute(uri: "/v1/markets/\(market)", method: .get) { response in
                try #require(try response.json(MarketStores.self).stores.first { $0.pickup }).id
            }
            try await orders.receive(sku, at: store, units: 5)
            let cart = try await carts.create(market: market, lines: [(sku, 1)], language: language)
            let response = try await orders.checkout(cart.id, fulfilment: ["type": "collect", "store": store], key: UUID().uuidString, language: language)
            #expect(response.status == .created, "\(response.text)")
            let order = try response.json(PlacedBody.self)
            #expect(order.language == language)
            let placed = try #require(try? Date(order.placed_at, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            let expected = try DateFormatting.shared.format(
                DateFormatting.Instant(millisecondsSince1970: Int64((placed.timeIntervalSince1970 * 1000).rounded())), .dateTime,
                locale: LocaleTag(language), timeZone: zone)
            #expect(order.placed_at_formatted == expected)
        }
    }
}

private struct MarketStores: Decodable {
    struct Store: Decodable {
        let id: String
        let pickup: Bool
    }

    let stores: [Store]
}

/// A voucher's validity window as the cart shows it, in the cart's language and its market's zone:
/// valid from 2026-01-01T00:00Z until 2099-12-31T23:00Z.
@Suite("Voucher validity as people read it")
struct VoucherValidityTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let market: String
        let language: String
        let valid_from_formatted: String
        let valid_until_formatted: String
        var testDescription: String { "\(market)/\(language)" }
    }

    private struct VoucherBody: Decodable {
        let code: String
        let valid_from_formatted: String?
        let valid_until_formatted: String?
    }

    private struct CartVouchers: Decodable { let vouchers: [VoucherBody] }

    @Test(arguments: Fixtures.decode([Case].self, from: "formatting/voucher-validity.json"))
    func theWindowIsShownInTheCartsLanguageAndZone(_ expected: Case) async throws {
        try await TestServer().run { client in
            let carts = CartClient(client: client)
            let window = #"{"kind": "percentage", "percent": "5", "valid_from": "2026-01-01T00:00:00Z", "valid_until": "2099-12-31T23:00:00Z"}"#
            try await client.execute(
                uri: "/v1/admin/vouchers/WINDOW", method: .put,
                headers: [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"], body: ByteBuffer(string: window)
            ) { response in
                #expect(response.status.code < 300, "\(response.text)")
            }
            let cart = try await carts.create(market: expected.market, lines: [], language: expected.language)
            let response = try await carts.send(.post, "/v1/carts/\(cart.id)/vouchers", body: ["code": "WINDOW"], language: expected.language)
            let voucher = try #require(try response.json(CartVouchers.self).vouchers.first { $0.code == "WINDOW" }, "\(response.text)")
            #expect(voucher.valid_from_formatted == expected.valid_from_formatted)
            #expect(voucher.valid_until_formatted == expected.valid_until_formatted)
        }
    }

    @Test(arguments: ["2024-01-01T12:99:00Z", "2025-02-29T10:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:00:00+25:00"])
    func aTimeWithAFieldOutOfRangeIsRefusedNotRolledOver(_ time: String) async throws {
        try await TestServer().run { client in
            let body = #"{"kind": "percentage", "percent": "5", "valid_from": "\#(time)"}"#
            try await client.execute(
                uri: "/v1/admin/vouchers/ROLL", method: .put,
                headers: [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest, "\(time): \(response.text)")
                #expect((try? response.json(ProblemBody.self).field) == "valid_from")
            }
        }
    }
}
