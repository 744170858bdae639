import Hummingbird
import Foundation
import PasarCore
import PasarLocalization
import PasarMarkets

/// An order on the wire: the snapshot's amounts with the strings they were shown as at checkout
/// (in the order's language), status with the steps it may take next, payment, history.
struct OrderView: ResponseEncodable {
    let id: String
    let number: String
    let status: String
    let nextStatuses: [String]
    let market: String
    let channel: String
    let language: String
    let customerID: String?
    let email: String?
    let fulfilment: FulfilmentView
    let stockLocation: String
    let lines: [OrderLineView]
    let totals: OrderTotalsView
    let refunded: AmountView
    let vouchers: [String]
    let payment: PaymentView
    let history: [StatusChangeView]
    /// A ship order's shipments, one per stock location, each with its lines, status and tracking;
    /// absent for click & collect.
    let shipments: [ShipmentView]?
    /// What was taken at a store's till (`OrderView.withTenders`); absent otherwise.
    var tenders: [TenderView]?
    let placedAt: String
    /// `placed_at` as people read it: in the order's language and the market's time zone.
    let placedAtFormatted: String
    let updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, number, status, market, channel, language, email, fulfilment, lines, totals, refunded, vouchers, payment, history, shipments, tenders
        case nextStatuses = "next_statuses"
        case customerID = "customer_id"
        case stockLocation = "stock_location"
        case placedAt = "placed_at"
        case placedAtFormatted = "placed_at_formatted"
        case updatedAt = "updated_at"
    }

    init(_ order: Order, market: Market?) throws {
        id = order.id
        number = order.number
        status = order.status.rawValue
        nextStatuses = order.status.next(for: order.fulfilment.kind).map(\.rawValue)
        self.market = order.market
        channel = order.channel
        language = order.language
        customerID = order.customerID
        email = order.email
        let locale = (try? LocaleTag(order.language)) ?? .root
        fulfilment = try FulfilmentView(order.fulfilment, delivery: order.delivery, market: market, language: locale)
        stockLocation = order.stockLocation
        lines = order.lines.map(OrderLineView.init)
        totals = OrderTotalsView(order.totals)
        refunded = try AmountFormatter(locale: locale, displayDigits: market?.rounding.displayDigits)(order.refunded)
        vouchers = order.vouchers
        payment = PaymentView(order.payment, paidAt: order.paidAt)
        history = order.history.map(StatusChangeView.init)
        shipments = order.shipments.isEmpty ? nil : order.shipments.map(ShipmentView.init)
        placedAt = Self.timestamp(order.placedAt)
        placedAtFormatted = try DateFormatting.shared.format(
            DateFormatting.Instant(order.placedAt), .dateTime, locale: locale, timeZone: market?.timeZone ?? "UTC")
        updatedAt = Self.timestamp(order.updatedAt)
    }

    static func timestamp(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
}

extension DateFormatting.Instant {
    /// Truncated to the millisecond as the stores keep dates, so an order shows the same minute when
    /// it is placed and when it is read back.
    init(_ date: Date) { self.init(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) }
}

extension AmountView {
    /// An amount with the string it was shown as when recorded (order snapshots).
    init(_ money: Money, shownAs formatted: String?) {
        amount = money.decimalString
        currency = money.currency.code
        self.formatted = formatted ?? money.description
    }
}

struct FulfilmentView: Encodable {
    let type: String
    let shippingMethod: String?
    let address: ShippingAddress?
    let store: PickupStoreView?
    /// A ship order: when it is expected, in the order's language.
    let delivery: DeliveryEstimateView?

    enum CodingKeys: String, CodingKey {
        case type, address, store, delivery
        case shippingMethod = "shipping_method"
    }

    init(_ fulfilment: OrderFulfilment, delivery window: DeliveryWindow? = nil, market: Market?, language: LocaleTag) throws {
        delivery = try window.flatMap { window in
            try market.map { try DeliveryEstimates.shared.view(window, timeZone: $0.timeZone, language: language) }
        }
        type = fulfilment.kind.rawValue
        switch fulfilment {
        case .ship(let method, let address):
            shippingMethod = method
            self.address = address
            store = nil
        case .collect(let storeID):
            shippingMethod = nil
            address = nil
            let store = market?.stores.first { $0.id == storeID }
            self.store = PickupStoreView(id: storeID, name: store?.name ?? storeID, address: store?.address ?? "", openingHours: store?.openingHours ?? "")
        }
    }
}

struct PickupStoreView: Encodable {
    let id: String
    let name: String
    let address: String
    let openingHours: String

    enum CodingKeys: String, CodingKey {
        case id, name, address
        case openingHours = "opening_hours"
    }
}

struct OrderLineView: Encodable {
    let number: Int
    let sku: String
    let productID: String
    let name: String
    let quantity: Int64
    let returnedQuantity: Int64
    let taxRate: String
    let unitPrice: AmountView
    let amount: AmountView
    let discount: AmountView
    let net: AmountView
    let tax: AmountView
    let total: AmountView

    enum CodingKeys: String, CodingKey {
        case number, sku, name, quantity, amount, discount, net, tax, total
        case productID = "product_id"
        case returnedQuantity = "returned_quantity"
        case taxRate = "tax_rate"
        case unitPrice = "unit_price"
    }

    init(_ line: OrderLine) {
        number = line.number
        sku = line.sku
        productID = line.productID
        name = line.name
        quantity = line.quantity
        returnedQuantity = line.returnedQuantity
        taxRate = line.taxRate.description
        unitPrice = AmountView(line.unitAmount, shownAs: line.formatted["unit_amount"])
        amount = AmountView(line.amount, shownAs: line.formatted["amount"])
        discount = AmountView(line.discount, shownAs: line.formatted["discount"])
        net = AmountView(line.net, shownAs: line.formatted["net"])
        tax = AmountView(line.tax, shownAs: line.formatted["tax"])
        total = AmountView(line.gross, shownAs: line.formatted["gross"])
    }
}

struct OrderTotalsView: Encodable {
    struct TaxView: Encodable {
        let rate: String
        let net: AmountView
        let tax: AmountView
    }

    let subtotal: AmountView
    let discount: AmountView
    let shipping: AmountView
    let tax: AmountView
    let total: AmountView
    let taxes: [TaxView]

    init(_ totals: OrderTotals) {
        subtotal = AmountView(totals.subtotal, shownAs: totals.formatted["subtotal"])
        discount = AmountView(totals.discount, shownAs: totals.formatted["discount"])
        shipping = AmountView(totals.shipping, shownAs: totals.formatted["shipping"])
        tax = AmountView(totals.tax, shownAs: totals.formatted["tax"])
        total = AmountView(totals.total, shownAs: totals.formatted["total"])
        taxes = totals.taxes.map {
            TaxView(rate: $0.rate.description, net: AmountView($0.net, shownAs: $0.formatted["net"]), tax: AmountView($0.tax, shownAs: $0.formatted["tax"]))
        }
    }
}

struct PaymentView: Encodable {
    let provider: String
    let method: String
    let reference: String
    let instructions: String
    let paidAt: String?

    enum CodingKeys: String, CodingKey {
        case provider, method, reference, instructions
        case paidAt = "paid_at"
    }

    init(_ payment: PaymentStart, paidAt: Date?) {
        provider = payment.provider
        method = payment.method
        reference = payment.reference
        instructions = payment.instructions
        self.paidAt = paidAt.map(OrderView.timestamp)
    }
}

struct StatusChangeView: Encodable {
    let status: String
    let actor: String
    let note: String?
    let at: String

    init(_ change: OrderStatusChange) {
        status = change.status.rawValue
        actor = change.actor
        note = change.note
        at = OrderView.timestamp(change.at)
    }
}

struct OrderListView: ResponseEncodable {
    let customerID: String
    let orders: [OrderView]

    enum CodingKeys: String, CodingKey {
        case orders
        case customerID = "customer_id"
    }
}

extension OrderView {
    /// The order as a response in the order's language.
    static func reply(_ order: Order, markets: MarketSnapshot, status: HTTPResponse.Status? = nil, location: String? = nil) throws -> EditedResponse<OrderView> {
        try OrderView(order, market: markets.market(code: order.market)).reply(status, language: order.language, location: location)
    }

    /// The order with what was taken at a store's till, if it was paid there: the receipt's data.
    /// Other orders cost no read.
    static func withTenders(_ order: Order, services: APIServices) async throws -> OrderView {
        let market = services.markets.snapshot.market(code: order.market)
        var view = try OrderView(order, market: market)
        if order.isPaid, order.payment.method == "pay_at_store", let market {
            view.tenders = try await services.storeOperations.tenders(orderID: order.id).map { try TenderView($0, market: market, language: order.language) }
        }
        return view
    }
}
