public import FoundationEssentials

/// A placed order: the snapshot taken at checkout plus what happened since (status, payment,
/// returns). Amounts never change; refunds are recorded beside them.
public struct Order: Sendable {
    public let id: String
    /// Human-facing number (`PAS-7K3M9QXD`), used in messages and by support.
    public let number: String
    public let status: OrderStatus
    public let cartID: String?
    public let customerID: String?
    public let email: String?
    public let market: String
    public let channel: String
    public let language: String
    public let pricesIncludeTax: Bool
    public let fulfilment: OrderFulfilment
    /// The location the stock was taken from (the first shipment's when there are several).
    public let stockLocation: String
    public let lines: [OrderLine]
    public let totals: OrderTotals
    public let vouchers: [String]
    public let payment: PaymentStart
    public let paidAt: Date?
    /// Sum of refunds issued so far; never above `totals.total`.
    public let refunded: Money
    public let history: [OrderStatusChange]
    /// How a ship order leaves, one shipment per stock location, each with its lines and status;
    /// empty for click & collect.
    public let shipments: [OrderShipment]
    public let placedAt: Date
    public let updatedAt: Date
    /// When a ship order is expected (`OrderDraft.delivery`).
    public let delivery: DeliveryWindow?

    public init(
        status: OrderStatus, draft: OrderDraft, stockLocation: String, lines: [OrderLine], paidAt: Date?,
        refunded: Money, history: [OrderStatusChange], shipments: [OrderShipment] = [], updatedAt: Date
    ) {
        id = draft.id
        number = draft.number
        self.status = status
        cartID = draft.cartID
        customerID = draft.customerID
        email = draft.email
        market = draft.market
        channel = draft.channel
        language = draft.language
        pricesIncludeTax = draft.pricesIncludeTax
        fulfilment = draft.fulfilment
        self.stockLocation = stockLocation
        self.lines = lines
        totals = draft.totals
        vouchers = draft.vouchers
        payment = draft.payment
        self.paidAt = paidAt
        self.refunded = refunded
        self.history = history
        self.shipments = shipments
        placedAt = draft.placedAt
        delivery = draft.delivery
        self.updatedAt = updatedAt
    }

    public var isPaid: Bool { paidAt != nil }

    /// The shipment carrying line `number`, nil for click & collect.
    public func shipment(ofLine number: Int) -> OrderShipment? {
        shipments.first { $0.lineNumbers.contains(number) }
    }

    /// Where line `number`'s stock is held: its shipment's location, else the order's.
    public func location(ofLine number: Int) -> String {
        shipment(ofLine: number)?.location ?? stockLocation
    }
    public var unitCount: Int64 { lines.reduce(0) { $0 + $1.quantity } }
}

/// One step of an order's history: the status it reached, who moved it, when.
public struct OrderStatusChange: Sendable, Equatable {
    public let status: OrderStatus
    /// `admin`, or the channel that made the change.
    public let actor: String
    public let note: String?
    public let at: Date

    public init(status: OrderStatus, actor: String, note: String?, at: Date) {
        self.status = status
        self.actor = actor
        self.note = note
        self.at = at
    }
}
