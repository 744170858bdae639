import Hummingbird
import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets
import PasarStorage

struct CustomerView: ResponseEncodable {
    let id: String
    let email: String
    let name: String
    let language: String
    let market: String
    let createdAt: String
    /// Whether marketing email (abandoned-cart reminders) may go to the customer, and since when.
    let marketingConsent: Bool
    let marketingConsentAt: String?
    let phone: String?
    /// Every group membership, admin-set and rule-granted, expired ones included (`active` false).
    let groups: [CustomerGroupView]

    enum CodingKeys: String, CodingKey {
        case id, email, name, language, market, phone, groups
        case createdAt = "created_at", marketingConsent = "marketing_consent", marketingConsentAt = "marketing_consent_at"
    }

    /// The customer with their groups, read now.
    static func load(_ customer: Customer, services: APIServices) async throws -> CustomerView {
        CustomerView(customer, groups: try await services.customerGroups.groups(customerID: customer.id))
    }

    init(_ customer: Customer, groups: [CustomerGroup] = [], now: Date = Date()) {
        self.groups = groups.map { CustomerGroupView($0, now: now) }
        id = customer.id
        email = customer.email
        name = customer.name
        language = customer.language
        market = customer.market
        createdAt = OrderView.timestamp(customer.createdAt)
        marketingConsent = customer.marketingConsentAt != nil
        marketingConsentAt = customer.marketingConsentAt.map(OrderView.timestamp)
        phone = customer.phone
    }
}

/// One group membership: `source` `admin` (set by the admin routes) or `rule` (granted by the spend
/// rule of `market`).
struct CustomerGroupView: Encodable {
    let code: String
    let source: String
    let market: String?
    let expiresAt: String?
    let active: Bool
    let since: String

    enum CodingKeys: String, CodingKey {
        case code, source, market, active, since
        case expiresAt = "expires_at"
    }

    init(_ group: CustomerGroup, now: Date) {
        code = group.code
        source = group.source.rawValue
        market = group.market
        expiresAt = group.expiresAt.map(OrderView.timestamp)
        active = group.isActive(at: now)
        since = OrderView.timestamp(group.since)
    }
}

/// What a support agent sees of one customer: carts, orders and returns from every channel.
struct CustomerOverviewView: ResponseEncodable {
    struct CartSummaryView: Encodable {
        let id: String
        let market: String
        let status: String
        let channels: [String]
        let lineCount: Int
        let updatedAt: String

        enum CodingKeys: String, CodingKey {
            case id, market, status, channels
            case lineCount = "line_count"
            case updatedAt = "updated_at"
        }
    }

    struct OrderSummaryView: Encodable {
        let id: String
        let number: String
        let status: String
        let market: String
        let channel: String
        let fulfilment: String
        let total: AmountView
        let refunded: AmountView
        let placedAt: String

        enum CodingKeys: String, CodingKey {
            case id, number, status, market, channel, fulfilment, total, refunded
            case placedAt = "placed_at"
        }
    }

    struct ReturnSummaryView: Encodable {
        let id: String
        let orderID: String
        let channel: String
        let refund: AmountView
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, channel, refund
            case orderID = "order_id"
            case createdAt = "created_at"
        }
    }

    let customer: CustomerView
    let channels: [String]
    let carts: [CartSummaryView]
    let orders: [OrderSummaryView]
    let returns: [ReturnSummaryView]

    init(_ overview: CustomerOverview, groups: [CustomerGroup], markets: MarketSnapshot) throws {
        customer = CustomerView(overview.customer, groups: groups)
        channels = overview.channels
        carts = overview.carts.map {
            CartSummaryView(
                id: $0.id, market: $0.market, status: $0.status, channels: $0.channels, lineCount: $0.lineCount,
                updatedAt: OrderView.timestamp($0.updatedAt))
        }
        orders = try overview.orders.map { order in
            let refunded = try OrderView(order, market: markets.market(code: order.market)).refunded
            return OrderSummaryView(
                id: order.id, number: order.number, status: order.status.rawValue, market: order.market, channel: order.channel,
                fulfilment: order.fulfilment.kind.rawValue, total: AmountView(order.totals.total, shownAs: order.totals.formatted["total"]),
                refunded: refunded, placedAt: OrderView.timestamp(order.placedAt))
        }
        let ordersByID = Dictionary(overview.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        returns = try overview.returns.map { record in
            let order = ordersByID[record.orderID]
            let language = (try? LocaleTag(order?.language ?? overview.customer.language)) ?? .root
            let currency = try CurrencyCatalog.currency(record.currency)
            let amounts = AmountFormatter(locale: language, displayDigits: order.flatMap { markets.market(code: $0.market) }?.rounding.displayDigits)
            return ReturnSummaryView(
                id: record.id, orderID: record.orderID, channel: record.channel,
                refund: try amounts(Money(minorUnits: record.refundMinorUnits, currency: currency)), createdAt: OrderView.timestamp(record.createdAt))
        }
    }
}
