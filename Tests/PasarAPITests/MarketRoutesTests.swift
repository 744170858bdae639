import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Markets and the API document")
struct MarketRoutesTests {
    struct MarketBody: Decodable {
        let code: String
        let name: String
        let currency: String
        let languages: [String]
        let tax_mode: String
        let price_source: String
        let example: AmountBody
        let cash_example: AmountBody
    }

    @Test(arguments: [
        ("ch", "de-CH", "Schweiz", "CHF\u{00A0}1’234.50", "CHF\u{00A0}10.05"),
        ("ch", "fr", "Suisse", "1\u{202F}234.50\u{00A0}CHF", "10.05\u{00A0}CHF"),
        ("jp", "ja", "日本", "￥1,234,567", "￥1,003"),
        ("se", "sv", "Sverige", "1\u{00A0}234,50\u{00A0}kr", "10,00\u{00A0}kr"),
        ("nz", "en", "New Zealand", "$1,234.50", "$10.00"),
        ("ae", "ar", "الإمارات العربية المتحدة", "\u{200F}1,234.50\u{00A0}د.إ.\u{200F}", "\u{200F}10.03\u{00A0}د.إ.\u{200F}"),
    ])
    func marketsShowFormattedExamples(_ code: String, _ language: String, _ name: String, _ example: String, _ cash: String) async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/markets/\(code)", method: .get, headers: [.acceptLanguage: language]) { response in
                let market = try response.json(MarketBody.self)
                #expect(market.name == name)
                #expect(market.example.formatted == example)
                #expect(market.cash_example.formatted == cash)
            }
        }
    }

    @Test func listsEveryShippedMarket() async throws {
        try await TestServer(demo: false).run { client in
            try await client.execute(uri: "/v1/markets", method: .get, headers: [.acceptLanguage: "de"]) { response in
                struct List: Decodable {
                    let language: String
                    let items: [MarketBody]
                }
                let list = try response.json(List.self)
                #expect(list.language == "de")
                #expect(list.items.count >= 12)
                #expect(list.items.first { $0.code == "de" }?.name == "Deutschland")
                #expect(list.items.first { $0.code == "se" }?.price_source.hasPrefix("derived from de") == true)
                #expect(list.items.first { $0.code == "us" }?.tax_mode == "exclusive")
            }
        }
    }

    @Test func theOpenAPIDocumentAndTheRouterAgree() async throws {
        let server = try await TestServer(demo: false)
        let documented = try OpenAPIRoutes.documented()
        let served = OpenAPIRoutes.served(services: server.services)
        #expect(served.subtracting(documented).isEmpty, "routes missing from openapi.json: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented routes the server lacks: \(documented.subtracting(served).sorted())")
        try await server.run { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
            }
        }
    }
}
