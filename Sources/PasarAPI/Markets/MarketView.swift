import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets

/// A market as clients read it, with names and an example amount in the response language.
struct MarketView: ResponseEncodable, Sendable {
    struct ShippingView: Encodable, Sendable {
        let id: String
        let name: String
        let price: AmountView
        let freeOver: AmountView?
        let days: [Int]?

        enum CodingKeys: String, CodingKey {
            case id, name, price, days
            case freeOver = "free_over"
        }
    }

    struct StoreView: Encodable, Sendable {
        let id: String
        let name: String
        let address: String
        let country: String
        let openingHours: String
        let pickup: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, address, country, pickup
            case openingHours = "opening_hours"
        }
    }

    let code: String
    let name: String
    let countries: [String]
    let currency: String
    let acceptedCurrencies: [String]
    let languages: [String]
    let defaultLanguage: String
    /// The IANA zone the market's dates are shown in.
    let timeZone: String
    let taxMode: String
    let priceSource: String
    let channels: [String]
    /// 1234.50 (or 1 234 567 without minor units) formatted in the response language.
    let example: AmountView
    /// 10.03 as paid in cash, after the market's cash rounding.
    let cashExample: AmountView
    let shipping: [ShippingView]
    let stores: [StoreView]

    enum CodingKeys: String, CodingKey {
        case code, name, countries, currency, languages, channels, example, shipping, stores
        case acceptedCurrencies = "accepted_currencies"
        case defaultLanguage = "default_language"
        case timeZone = "time_zone"
        case taxMode = "tax_mode"
        case priceSource = "price_source"
        case cashExample = "cash_example"
    }

    init(_ market: Market, language: LocaleTag) throws {
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        code = market.code
        name = market.name(in: language)
        countries = market.countries
        currency = market.currency.code
        acceptedCurrencies = market.acceptedCurrencies.map(\.code)
        languages = market.languages.map(\.identifier)
        defaultLanguage = market.defaultLanguage.identifier
        timeZone = market.timeZone
        taxMode = market.tax.mode.rawValue
        priceSource = market.priceSource.summary
        channels = market.channels
        let digits = market.currency.minorUnitDigits
        example = try amounts(Money(parsing: digits == 0 ? "1234567" : "1234.5", currency: market.currency))
        let cash = try Money(parsing: digits == 0 ? "1003" : "10.03", currency: market.currency)
            .roundedForCash(increment: market.rounding.cashIncrementMinorUnits, rounding: market.rounding.cashMode)
        cashExample = try amounts(cash.rounded)
        let chain = language.fallbackChain.map(\.identifier)
        shipping = try market.shippingMethods.map { method in
            ShippingView(
                id: method.id,
                name: TranslationLookup.best(in: method.names, chain: chain, fallbackLanguages: [market.defaultLanguage.identifier, "en"])?.value ?? method.id,
                price: try amounts(method.price), freeOver: try method.freeOver.map { try amounts($0) },
                days: method.days.map { [$0.lowerBound, $0.upperBound] })
        }
        stores = market.stores.map {
            StoreView(id: $0.id, name: $0.name, address: $0.address, country: $0.country, openingHours: $0.openingHours, pickup: $0.pickup)
        }
    }
}

/// All markets, each named in the response language.
struct MarketListView: ResponseEncodable, Sendable {
    let language: String
    let items: [MarketView]
}

/// The outcome of `POST /v1/admin/markets/reload`.
struct ReloadView: ResponseEncodable, Sendable {
    struct ProblemView: Encodable, Sendable {
        let file: String
        let path: String
        let message: String
    }

    let reloaded: Bool
    /// The markets in service after the call.
    let markets: [String]
    let problems: [ProblemView]

    init(result: MarketReloadResult, snapshot: MarketSnapshot) {
        switch result {
        case .reloaded:
            reloaded = true
            problems = []
        case .rejected(let issues):
            reloaded = false
            problems = issues.map { ProblemView(file: $0.file, path: $0.path, message: $0.message) }
        }
        markets = snapshot.markets.map(\.code)
    }
}
