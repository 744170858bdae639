import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// `GET /v1/customers/{id}/loyalty?market=` (the customer's token, a staff key at the till, or the
/// admin key): balance, its
/// value, expiry and the ledger page by page; `GET /v1/admin/loyalty/liability[?market=]`: what each
/// market with points owes its customers.
struct LoyaltyController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/customers/:customer/loyalty", use: account)
    }

    func addAdminRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/loyalty/liability", use: liability)
    }

    @Sendable func account(request: Request, context: AppRequestContext) async throws -> EditedResponse<LoyaltyAccountView> {
        let customerID = try context.parameters.require("customer")
        if context.caller.stores == nil { try await CustomerAccess.require(customerID, request: request, context: context, services: services) }
        let query = QueryValues(request: request)
        try query.refuseUnknown(["market", "limit", "before", "lang"], route: "the loyalty account")
        let (market, program) = try programMarket(query)
        let limit = try query.integer("limit", default: 20, range: 1...100)
        let before = try query.cursor("before")
        let language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
        let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
        let now = Date()
        let balance = try await services.loyalty.balance(customerID: customerID, market: market.code, now: now)
        let page = try await services.loyalty.history(customerID: customerID, market: market.code, before: before, limit: limit)
        let nextExpiry = try balance.nextExpiry.map { expiry in
            LoyaltyExpiryView(
                date: OrderView.timestamp(expiry.date),
                formatted: try DateFormatting.shared.format(DateFormatting.Instant(expiry.date), .date, locale: language, timeZone: market.timeZone),
                points: expiry.points)
        }
        let view = LoyaltyAccountView(
            customerID: customerID, market: market.code, balance: balance.points, value: try amounts(try program.value(of: balance.points)),
            expired: balance.expired, nextExpiry: nextExpiry, program: try LoyaltyProgramView(program, amounts: amounts),
            history: page.map(LoyaltyEntryView.init), nextCursor: page.count == limit ? page.last.map { String($0.sequence) } : nil)
        return view.reply(language: language.identifier)
    }

    @Sendable func liability(request: Request, context: AppRequestContext) async throws -> LoyaltyLiabilityReport {
        let query = QueryValues(request: request)
        try query.refuseUnknown(["market", "lang"], route: "the loyalty liability")
        let markets: [(Market, LoyaltyProgram)]
        if try query.string("market", maxLength: 20) != nil {
            let (market, program) = try programMarket(query)
            markets = [(market, program)]
        } else {
            markets = services.markets.snapshot.markets.compactMap { market in market.loyalty.map { (market, $0) } }.sorted { $0.0.code < $1.0.code }
        }
        let now = Date()
        var views: [LoyaltyMarketLiabilityView] = []
        for (market, program) in markets {
            let owed = try await services.loyalty.liability(market: market.code, now: now)
            let language = try services.languages.language(offered: market.languages, marketCode: market.code, request: request)
            let amounts = AmountFormatter(locale: language, displayDigits: market.rounding.displayDigits)
            views.append(
                LoyaltyMarketLiabilityView(
                    market: market.code, customers: owed.customers, outstandingPoints: owed.outstanding,
                    outstandingValue: try amounts(try program.value(of: owed.outstanding)), owedBackPoints: owed.owedBack,
                    owedBackValue: try amounts(try program.value(of: owed.owedBack)), expiredPoints: owed.expired))
        }
        return LoyaltyLiabilityReport(asOf: OrderView.timestamp(now), markets: views)
    }

    /// The `market` parameter's market and its points rule: required, a market, with points.
    private func programMarket(_ query: QueryValues) throws -> (Market, LoyaltyProgram) {
        guard let code = try query.string("market", maxLength: 20)?.lowercased() else { throw Problem.missingField("market") }
        guard let market = services.markets.snapshot.market(code: code) else { throw Problem.loyaltyUnknownMarket(code) }
        guard let program = market.loyalty else { throw Problem.loyaltyNotOffered(market: code) }
        return (market, program)
    }
}
