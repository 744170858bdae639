import Foundation
import Hummingbird
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

/// `GET /v1/events?after=CURSOR&limit=`: the outbox (orders, abandoned carts, webhook
/// subscriptions turned off) in sequence order, each event with its message in the event's language (ICU MessageFormat from `Locales/messages/`). A
/// notification sender polls it, passing back `next_cursor`; admin key only.
struct EventsController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/events", use: list)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> EventPageView {
        let query = QueryValues(request: request)
        var after: Int64 = 0
        if let cursor = try query.string("after", maxLength: 20) {
            guard let value = Int64(cursor), value >= 0 else { throw Problem.invalidField("after", "must be a cursor from next_cursor (a whole number)") }
            after = value
        }
        let limit = try query.integer("limit", default: 50, range: 1...500)
        let events = try await services.orders.events(after: after, limit: limit)
        let snapshot = services.markets.snapshot
        let views = try events.map { try EventView($0, market: snapshot.market(code: $0.market), messages: services.messages) }
        return EventPageView(events: views, nextCursor: String(events.last?.sequence ?? after))
    }
}

struct EventPageView: ResponseEncodable {
    let events: [EventView]
    /// Pass as `after` to get the events that follow; unchanged when there were none.
    let nextCursor: String

    enum CodingKeys: String, CodingKey {
        case events
        case nextCursor = "next_cursor"
    }
}

struct EventView: Encodable {
    let id: String
    let type: String
    /// What the event is about (`order`, `cart`, `webhook`) and its id.
    let resourceType: String
    let resourceID: String
    let orderID: String?
    let orderNumber: String?
    let customerID: String?
    /// Empty for events of no market (webhook subscriptions).
    let market: String
    let language: String
    let message: String
    let count: Int64?
    let amount: AmountView?
    let store: String?
    let returnID: String?
    let url: String?
    /// The parcel of `order_shipped`.
    let carrier: String?
    let trackingNumber: String?
    let trackingURL: String?
    let createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, type, market, language, message, count, amount, store, url, carrier
        case trackingNumber = "tracking_number", trackingURL = "tracking_url"
        case resourceType = "resource_type"
        case resourceID = "resource_id"
        case orderID = "order_id"
        case orderNumber = "order_number"
        case customerID = "customer_id"
        case returnID = "return_id"
        case createdAt = "created_at"
    }

    init(_ event: OutboxEvent, market: Market?, messages: MessageCatalog) throws {
        let language = (try? LocaleTag(event.language)) ?? .root
        let arguments = event.arguments
        id = String(event.sequence)
        type = event.kind.rawValue
        resourceType = event.kind.resourceType.rawValue
        resourceID = event.resourceID
        orderID = event.orderID
        orderNumber = arguments.order
        customerID = event.customerID
        self.market = event.market
        self.language = event.language
        count = arguments.count
        amount = try arguments.amount.map { try AmountFormatter(locale: language, displayDigits: market?.rounding.displayDigits)($0) }
        store = arguments.store
        returnID = arguments.returnID
        url = arguments.url
        carrier = arguments.carrier
        trackingNumber = arguments.trackingNumber
        trackingURL = arguments.trackingURL
        createdAt = OrderView.timestamp(event.createdAt)
        var values: [String: MessageArgument] = [:]
        if let order = arguments.order { values["order"] = .text(order) }
        if let count = arguments.count { values["count"] = .number(String(count)) }
        if let amount { values["total"] = .text(amount.formatted) }
        if let amount { values["amount"] = .text(amount.formatted) }
        if let store = arguments.store { values["store"] = .text(market?.stores.first { $0.id == store }?.name ?? store) }
        if let url = arguments.url { values["url"] = .text(url) }
        message = try messages.format(event.kind.rawValue, language: language, arguments: values)
    }
}
