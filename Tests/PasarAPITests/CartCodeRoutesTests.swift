import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarLocalization
import PasarTestSupport
import Testing

/// The phone shows a short code; the till types it and has the shopper's cart.
@Suite("Cart codes: from the phone to the till")
struct CartCodeRoutesTests {
    private let browser: HTTPFields = [
        .authorization: "Bearer \(TestServer.publishableKey)", .origin: TestServer.shopOrigin, .contentType: "application/json",
        .acceptLanguage: "de",
    ]
    private let till: HTTPFields = [.authorization: "Bearer \(TestServer.channelKeys["pos"]!)", .acceptLanguage: "de"]

    @Test func theTillOpensTheCartByTheCodeThePhoneShows() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [TestServer.shopOrigin]).run { client in
            let cart = try await client.execute(uri: "/v1/carts", method: .post, headers: browser, body: ByteBuffer(string: #"{"market": "de"}"#)) {
                try $0.json(CartBody.self)
            }
            let code = try await client.execute(uri: "/v1/carts/\(cart.id)/codes", method: .post, headers: browser) { response in
                #expect(response.status == .created, "\(response.text)")
                #expect(response.headers[.contentLanguage] == "de")
                return try response.json(CodeBody.self)
            }
            #expect(code.cart_id == cart.id)
            #expect(code.code.count == 6 && code.display == "\(code.code.prefix(3))-\(code.code.suffix(3))")
            // Shown in the request's language and the market's zone (Berlin).
            let expires = try Date(code.expires_at, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
            let expected = try DateFormatting.shared.format(
                .init(millisecondsSince1970: Int64(expires.timeIntervalSince1970 * 1000)), .dateTime, locale: LocaleTag("de"),
                timeZone: "Europe/Berlin")
            #expect(code.expires_at_formatted == expected)

            // Typed as people do: lower case, a space instead of the hyphen.
            let typed = "\(code.code.prefix(3).lowercased())%20\(code.code.suffix(3).lowercased())"
            try await client.execute(uri: "/v1/cart-codes/\(typed)", method: .get, headers: till) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.headers[.contentLocation] == "/v1/carts/\(cart.id)")
                let opened = try response.json(CartBody.self)
                #expect(opened.id == cart.id)
            }
        }
    }

    @Test func aBrowserKeyCannotRedeemCodesAndBadCodesNameTheField() async throws {
        try await TestServer(channelKeys: true, crossOrigins: [TestServer.shopOrigin]).run { client in
            let cart = try await client.execute(uri: "/v1/carts", method: .post, headers: browser, body: ByteBuffer(string: #"{"market": "de"}"#)) {
                try $0.json(CartBody.self)
            }
            let code = try await client.execute(uri: "/v1/carts/\(cart.id)/codes", method: .post, headers: browser) { try $0.json(CodeBody.self) }
            try await client.execute(uri: "/v1/cart-codes/\(code.code)", method: .get, headers: browser) { response in
                #expect(response.status == .forbidden)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.code == "publishable_key_refused")
                #expect(problem.detail == "Ein öffentlicher Schlüssel darf diese Route nicht verwenden; verwenden Sie den geheimen Schlüssel des Kanals.")
            }
            for (typed, status) in [("K7Q9X", HTTPResponse.Status.badRequest), ("K7Q-9XU", .badRequest), ("ZZZ-ZZZ", .notFound)] {
                try await client.execute(uri: "/v1/cart-codes/\(typed)", method: .get, headers: till) { response in
                    #expect(response.status == status, "\(typed): \(response.text)")
                    let problem = try response.json(ProblemBody.self)
                    #expect(problem.field == "code")
                }
            }
            try await client.execute(uri: "/v1/carts/no-such-cart-0000000000/codes", method: .post, headers: browser) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

private struct CodeBody: Decodable {
    let code: String
    let display: String
    let cart_id: String
    let expires_at: String
    let expires_at_formatted: String
}
