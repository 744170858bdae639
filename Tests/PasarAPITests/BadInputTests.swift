import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Bad input gets a clear 4xx problem, never a 500")
struct BadInputTests {
    @Test(arguments: [
        ("/v1/markets/xx/products", 404, "market"),
        ("/v1/markets/xx", 404, "market"),
        ("/v1/markets/de/products?cursor=v1.name.zz.00", 400, "cursor"),
        ("/v1/markets/de/products?cursor=abc", 400, "cursor"),
        ("/v1/markets/de/products?lang=xx-!!", 400, "lang"),
        ("/v1/markets/de/products?lang=ja", 400, "lang"),
        ("/v1/markets/de/products?limit=0", 400, "limit"),
        ("/v1/markets/de/products?limit=ten", 400, "limit"),
        ("/v1/markets/de/products?sort=colour", 400, "sort"),
        ("/v1/markets/de/products?category=nope", 400, "category"),
        ("/v1/markets/de/products?channel=fax", 400, "channel"),
        ("/v1/markets/de/products/nope", 404, "product"),
        ("/v1/markets/de/products/tea-rize-black/price-explanation?sku=NOPE", 400, "sku"),
        ("/v1/markets/de/products/tea-rize-black/price-explanation?quantity=-1", 400, "quantity"),
    ])
    func readsNameTheField(_ uri: String, _ status: Int, _ field: String) async throws {
        try await TestServer(demo: true).run { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(Int(response.status.code) == status)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.status == status)
                #expect(problem.field == field, "\(problem.detail)")
            }
        }
    }

    @Test func aCartInAMarketThatDoesNotExistIsNotFoundNotClosed() async throws {
        try await TestServer().run { client in
            try await client.execute(
                uri: "/v1/carts", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: #"{"market": "zz"}"#)
            ) { response in
                #expect(response.status == .notFound)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "market")
                #expect(problem.code == "not_found", "market_closed is for markets removed while carts were open")
            }
        }
    }

    @Test func aCursorFromAnotherSortIsRefused() async throws {
        try await TestServer().run { client in
            let cursor = try await client.execute(uri: "/v1/markets/de/products?sort=price&limit=2", method: .get) {
                try #require(try $0.json(ProductListBody.self).next_cursor)
            }
            try await client.execute(uri: "/v1/markets/de/products?sort=name&cursor=\(cursor)", method: .get) { response in
                #expect(response.status == .badRequest)
                let decoded = try response.json(ProblemBody.self)
                #expect(decoded.field == "cursor")
            }
        }
    }

    @Test func unknownRoutesAreProblemsToo() async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                let decoded = try response.json(ProblemBody.self)
                #expect(decoded.code == "not_found")
            }
        }
    }
}
