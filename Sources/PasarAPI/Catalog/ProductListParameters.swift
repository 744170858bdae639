import Hummingbird
import PasarCore
import PasarMarkets
import PasarStorage

/// The query parameters of a product list or search, validated into a `ProductListQuery`: every
/// refusal names its parameter. Unknown parameters are refused too, so a misspelt filter is an
/// error rather than a silently unfiltered page.
struct ProductListParameters {
    static let known: Set<String> = [
        "lang", "channel", "q", "sort", "cursor", "limit", "category", "price_min", "price_max", "in_stock", "store", "option", "facets",
    ]

    let query: ProductListQuery

    init(request: Request, scope: RequestScope, services: APIServices) async throws {
        let values = QueryValues(request: request)
        try values.refuseUnknown(Self.known, route: "this list")
        let search = try values.string("q", maxLength: 100)
        let sort = try values.oneOf("sort", default: search == nil ? ProductSort.name : .relevance)
        if sort == .relevance, search == nil { throw Problem.invalidField("sort", "relevance needs a search (q)") }
        var cursor: ProductCursor?
        if let token = try values.string("cursor", maxLength: 4096) {
            guard let parsed = ProductCursor(token: token), parsed.sort == sort else {
                throw Problem.invalidField("cursor", "is not a cursor of this list (sort=\(sort.rawValue)); pass next_cursor back unchanged")
            }
            cursor = parsed
        }
        let category = try values.string("category", maxLength: 100)
        if let category, try await !services.catalog.categories().contains(where: { $0.id == category }) {
            throw Problem.invalidField("category", "'\(category)' is not a category")
        }
        let market = scope.market
        query = ProductListQuery(
            market: market.code, priceMarket: scope.pricer.priceListMarket, channel: scope.channel,
            language: scope.language.identifier, searchLanguages: scope.languageChain, search: search,
            categoryID: category, priceRange: try Self.priceRange(values, market: market, services: services),
            stockLocations: try Self.stockLocations(values, market: market), options: try Self.options(request),
            facets: try Self.facets(values), marketLocations: market.stockLocations.map(\.id),
            sort: sort, after: cursor, limit: try values.integer("limit", default: 20, range: 1...100))
    }

    /// `price_min` / `price_max` in the market's currency, as list-price minor units.
    private static func priceRange(_ values: QueryValues, market: Market, services: APIServices) throws -> ClosedRange<Int64>? {
        func amount(_ name: String) throws -> Int64? {
            guard let text = try values.string(name, maxLength: 32) else { return nil }
            let money: Money
            do {
                money = try Money(parsing: text, currency: market.currency)
            } catch .tooManyFractionDigits(_, let currency, let allowed) {
                throw Problem.invalidField(name, "has more digits than \(currency) has (\(allowed) after the point)")
            } catch {
                throw Problem.invalidField(name, "must be a decimal amount such as 12.50")
            }
            guard !money.isNegative else { throw Problem.invalidField(name, "must not be negative") }
            return money.minorUnits
        }
        let low = try amount("price_min")
        let high = try amount("price_max")
        guard low != nil || high != nil else { return nil }
        if let low, let high, low > high { throw Problem.invalidField("price_min", "must not be greater than price_max") }
        let policy = market.pricingPolicy
        guard let derivation = policy.derivation else { return (low ?? 0)...(high ?? .max) }
        guard let source = services.markets.snapshot.market(code: derivation.sourceMarket) else { return nil }
        let displayed = (low ?? 0)...(high ?? (1 << 50))
        do {
            // No list amount shows within the range: a range no (never negative) price lies in.
            return try PriceRange.listRange(displayed: displayed, listCurrency: source.currency, policy: policy) ?? (-1)...(-1)
        } catch {
            throw Problem.invalidField(high != nil ? "price_max" : "price_min", "is out of range")
        }
    }

    /// `store` (a pickup store of the market: in stock there) or `in_stock=true` (anywhere in the market).
    private static func stockLocations(_ values: QueryValues, market: Market) throws -> [String]? {
        let inStock = try values.oneOf("in_stock", default: Flag.false) == .true
        if let store = try values.string("store", maxLength: 100) {
            guard market.stores.contains(where: { $0.id == store && $0.pickup }) else {
                let pickups = market.stores.filter(\.pickup).map(\.id)
                throw Problem.invalidField("store", "'\(store)' is not a pickup store of market \(market.code) (\(pickups.joined(separator: ", ")))")
            }
            return [store]
        }
        return inStock ? market.stockLocations.map(\.id) : nil
    }

    /// `option=size:l` (repeatable): values of one option are alternatives, different options all apply.
    private static func options(_ request: Request) throws -> [String: [String]] {
        var options: [String: [String]] = [:]
        for text in request.uri.queryParameters.getAll("option") {
            let parts = text.split(separator: ":", maxSplits: 1).map { String($0) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 100 else {
                throw Problem.invalidField("option", "must be name:value, such as size:l")
            }
            options[parts[0], default: []].append(parts[1])
        }
        guard options.count <= 8, options.values.allSatisfy({ $0.count <= 20 }) else {
            throw Problem.invalidField("option", "at most 8 options with 20 values each")
        }
        return options
    }

    /// `facets=category,price,option,availability`.
    private static func facets(_ values: QueryValues) throws -> Set<ProductFacetKind> {
        guard let text = try values.string("facets", maxLength: 100) else { return [] }
        var facets = Set<ProductFacetKind>()
        for name in text.split(separator: ",") {
            guard let facet = ProductFacetKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw Problem.invalidField(
                    "facets", "'\(name)' is not a facet (\(ProductFacetKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            facets.insert(facet)
        }
        return facets
    }

    private enum Flag: String, CaseIterable {
        case `true`, `false`
    }
}
