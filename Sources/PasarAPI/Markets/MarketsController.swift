import Hummingbird
import PasarLocalization
import PasarMarkets

/// `GET /v1/markets` and `GET /v1/markets/{market}`.
struct MarketsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/markets", use: list)
        group.get("/markets/:market", use: detail)
    }

    /// Every market, named in the language the client prefers among all markets' languages.
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> EditedResponse<MarketListView> {
        let snapshot = services.markets.snapshot
        var offered: [LocaleTag] = []
        for market in snapshot.markets { for language in market.languages where !offered.contains(language) { offered.append(language) } }
        if let english = try? LocaleTag("en"), let index = offered.firstIndex(of: english) { offered.insert(offered.remove(at: index), at: 0) }
        let language = try services.languages.language(offered: offered, marketCode: "*", request: request)
        let view = MarketListView(language: language.identifier, items: try snapshot.markets.map { try MarketView($0, language: language) })
        return view.reply(language: language.identifier)
    }

    @Sendable func detail(request: Request, context: AppRequestContext) async throws -> EditedResponse<MarketView> {
        let code = try context.parameters.require("market")
        guard let market = services.markets.snapshot.market(code: code) else { throw Problem.notFound("market '\(code)'", field: "market") }
        let language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
        return try MarketView(market, language: language).reply(language: language.identifier)
    }
}
