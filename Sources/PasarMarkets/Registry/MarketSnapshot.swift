/// An immutable set of markets in service, looked up by code or country.
public struct MarketSnapshot: Sendable {
    /// Markets ordered by code.
    public let markets: [Market]
    private let byCode: [String: Market]
    private let byCountry: [String: Market]

    public init(markets: [Market]) {
        self.markets = markets.sorted { $0.code < $1.code }
        byCode = Dictionary(markets.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        byCountry = Dictionary(markets.flatMap { market in market.countries.map { ($0, market) } }, uniquingKeysWith: { first, _ in first })
    }

    public func market(code: String) -> Market? { byCode[code] }

    /// The market that sells to an ISO 3166 country.
    public func market(country: String) -> Market? { byCountry[country.uppercased()] }
}
