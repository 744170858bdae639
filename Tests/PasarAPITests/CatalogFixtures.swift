import PasarTestSupport
import Testing

/// Literal expectations of `Fixtures/api/catalog.json`.
struct CatalogFixtures: Decodable, Sendable {
    struct PriceCase: Decodable, Sendable, CustomTestStringConvertible {
        let market: String
        let accept: String
        let product: String
        let sku: String?
        let language: String
        let name: String?
        let display: String?
        let net: String?
        let tax: String?
        let contentLanguage: String
        var testDescription: String { "\(market) \(accept) \(product)" }
    }

    struct CollationCase: Decodable, Sendable, CustomTestStringConvertible {
        let market: String
        let lang: String
        let names: [String]
        var testDescription: String { "\(market) \(lang)" }
    }

    struct SearchCase: Decodable, Sendable, CustomTestStringConvertible {
        let market: String
        let lang: String
        let q: String
        let names: [String]?
        let ids: [String]?
        var testDescription: String { "\(market) q=\(q)" }
    }

    let prices: [PriceCase]
    let collation: [CollationCase]
    let search: [SearchCase]

    static let all = Fixtures.decode(CatalogFixtures.self, from: "api/catalog.json")
}

/// The parts of product responses the tests read.
struct ProductBody: Decodable {
    struct Variant: Decodable {
        let sku: String
        let price: PriceBody?
    }

    let id: String
    let slug: String
    let language: String
    let name: String
    let variants: [Variant]
    let price: PriceBody?
}

struct PriceBody: Decodable {
    struct Tier: Decodable {
        let min_quantity: Int
        let display: AmountBody
    }

    let display: AmountBody
    let net: AmountBody
    let tax: AmountBody
    let gross: AmountBody
    let tax_rate: String
    let tax_included: Bool
    let compare_at: AmountBody?
    let tiers: [Tier]
}

struct ProductListBody: Decodable {
    let market: String
    let language: String
    let items: [ProductBody]
    let next_cursor: String?
}
