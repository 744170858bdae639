import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets

/// The market, language and channel one catalog request is answered for, resolved and validated once.
struct RequestScope {
    let market: Market
    let language: LocaleTag
    let channel: String?
    let pricer: ProductPricer
    let presenter: ProductPresenter
    /// The languages texts are looked up in, in order: the response language's CLDR fallback chain,
    /// then the market's default language and English (`de-CH, de, en`). Search matches terms of
    /// all of them.
    let languageChain: [String]

    init(request: Request, context: AppRequestContext, services: APIServices, allowCustomerGroup: Bool = false) throws {
        let code = try context.parameters.require("market")
        guard let market = services.markets.snapshot.market(code: code) else {
            throw Problem.notFound("market '\(code)'", field: "market")
        }
        try self.init(market: market, request: request, context: context, services: services, allowCustomerGroup: allowCustomerGroup)
    }

    /// The scope in `market`, for routes that do not name it in the path.
    init(market: Market, request: Request, context: AppRequestContext, services: APIServices, allowCustomerGroup: Bool = false) throws {
        self.market = market
        language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
        let query = QueryValues(request: request)
        channel = try query.string("channel", maxLength: 40) ?? context.caller.channel
        if let channel, !market.channels.contains(channel) {
            throw Problem.invalidField("channel", "'\(channel)' is not a channel of market \(market.code) (\(market.channels.joined(separator: ", ")))")
        }
        let group = allowCustomerGroup ? try query.string("customer_group", maxLength: 40) : nil
        // Only groups the market declares price anything here (as in carts).
        if let group, market.customerGroup(group) == nil {
            let declared = market.customerGroups.map(\.code).joined(separator: ", ")
            throw Problem.invalidField("customer_group", "'\(group)' is not a customer group of market \(market.code) (\(declared))")
                .saying("problem_unknown_customer_group", ["field": .text("customer_group"), "group": .text(group), "market": .text(market.code)])
        }
        var seen = Set<String>()
        languageChain = (language.fallbackChain.map(\.identifier) + [market.defaultLanguage.identifier, "en"]).filter { seen.insert($0).inserted }
        pricer = ProductPricer(market: market, locale: language, channel: channel, customerGroup: group)
        presenter = ProductPresenter(pricer: pricer, locale: language, defaultLanguage: market.defaultLanguage.identifier)
    }
}

extension RequestScope {
    /// The best translation along `languageChain`.
    func translation<Value>(_ translations: [String: Value]) -> (language: String, value: Value)? {
        TranslationLookup.best(in: translations, chain: languageChain, fallbackLanguages: [])
    }
}
