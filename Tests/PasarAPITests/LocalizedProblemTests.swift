import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarTestSupport
import Testing

/// A problem's `detail` in the language the request asked for, from `Locales/messages/`.
struct ProblemExpectation: Decodable, Sendable, CustomTestStringConvertible {
    let language: String
    let body: String
    let detail: String

    var testDescription: String { "\(language): \(body)" }

    static let all = Fixtures.decode([ProblemExpectation].self, from: "api/problems.json")
}

@Suite("Problems speak the request's language")
struct LocalizedProblemTests {
    @Test(arguments: ProblemExpectation.all)
    func detailFollowsAcceptLanguage(_ expectation: ProblemExpectation) async throws {
        try await TestServer().run { client in
            let cart = try await CartClient(client: client).create(market: "de")
            let response = try await client.execute(
                uri: "/v1/carts/\(cart.id)/lines", method: .post,
                headers: [.contentType: "application/json", .acceptLanguage: expectation.language], body: ByteBuffer(string: expectation.body))
            #expect(response.status.code >= 400 && response.status.code < 500)
            #expect(try response.json(ProblemBody.self).detail == expectation.detail)
            #expect(response.headers[.contentLanguage] == expectation.language)
        }
    }

    @Test func aMissingKeyIsExplainedInGerman() async throws {
        try await TestServer(channelKeys: true).run { client in
            let response = try await client.execute(uri: "/v1/markets", method: .get, headers: [.acceptLanguage: "de-CH, en;q=0.5"])
            #expect(response.status == .unauthorized)
            #expect(try response.json(ProblemBody.self).detail == "Senden Sie den API-Schlüssel Ihres Kanals als „Authorization: Bearer <Schlüssel>“.")
        }
    }
}

@Suite("Problems without a language or a market")
struct ProblemFallbackTests {
    /// No `Accept-Language`, no market: English, never the first catalog in file order (Arabic).
    @Test func anAdminProblemWithNoLanguageIsInEnglish() async throws {
        try await TestServer().run { client in
            let response = try await client.execute(
                uri: "/v1/admin/orders/0/status", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(TestServer.adminKey)"], body: ByteBuffer(string: #"{"status": "paid", "statuz": 1}"#))
            #expect(response.status == .badRequest)
            let detail = try response.json(ProblemBody.self).detail
            #expect(detail == "statuz: is not a field of this request", "\(detail)")
            #expect(response.headers[.contentLanguage] == "en")
        }
    }
}
