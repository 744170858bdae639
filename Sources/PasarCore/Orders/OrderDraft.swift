public import FoundationEssentials

/// Everything an order records, computed before it is placed: the storage layer takes the stock,
/// numbers the order and stores this snapshot in one transaction.
public struct OrderDraft: Sendable {
    public let id: String
    /// Human-facing number (`PAS-7K3M9QXD`), quoted in messages, bank transfers and by support.
    public let number: String
    public let cartID: String?
    public let customerID: String?
    public let email: String?
    public let market: String
    public let channel: String
    /// BCP-47 tag of the language the order was placed in; its messages use it.
    public let language: String
    public let pricesIncludeTax: Bool
    public let fulfilment: OrderFulfilment
    /// Where the stock may come from, best first; the first location holding every line is used
    /// (with `allowSplit`, failing that, each line from the first location holding it).
    public let stockLocations: [String]
    public let lines: [OrderLine]
    public let totals: OrderTotals
    public let vouchers: [String]
    public let payment: PaymentStart
    public let placedAt: Date
    /// When a ship order is expected, from its shipping method's estimate.
    public let delivery: DeliveryWindow?
    /// Whether a ship order may leave from several locations when none holds every line.
    public let shipmentPolicy: ShipmentPolicy
    /// The customer's loyalty points the order spends (their value is part of `totals.discount`);
    /// taken from the ledger in the order's transaction.
    public var loyaltyRedemption: LoyaltyRedemption?

    /// Points spent on an order and the discount they gave.
    public struct LoyaltyRedemption: Sendable, Equatable {
        public let points: Int64
        public let value: Money

        public init(points: Int64, value: Money) {
            self.points = points
            self.value = value
        }
    }

    public init(
        id: String, number: String, cartID: String?, customerID: String?, email: String?, market: String, channel: String, language: String,
        pricesIncludeTax: Bool, fulfilment: OrderFulfilment, stockLocations: [String], lines: [OrderLine], totals: OrderTotals,
        vouchers: [String], payment: PaymentStart, placedAt: Date, delivery: DeliveryWindow? = nil,
        shipmentPolicy: ShipmentPolicy = .singleLocationOnly
    ) {
        self.id = id
        self.number = number
        self.cartID = cartID
        self.customerID = customerID
        self.email = email
        self.market = market
        self.channel = channel
        self.language = language
        self.pricesIncludeTax = pricesIncludeTax
        self.fulfilment = fulfilment
        self.stockLocations = stockLocations
        self.lines = lines
        self.totals = totals
        self.vouchers = vouchers
        self.payment = payment
        self.placedAt = placedAt
        self.delivery = delivery
        self.shipmentPolicy = shipmentPolicy
    }

    /// Units in the order.
    public var unitCount: Int64 { lines.reduce(0) { $0 + $1.quantity } }
}
