public import FoundationEssentials
public import PasarCore

/// One outbox entry: something happened to an order, a cart or a webhook subscription. The text a
/// person reads is made from `kind` (the message key), the event's language and these arguments
/// when the event is served.
public struct OutboxEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case orderPlaced = "order_placed"
        case orderPaid = "order_paid"
        case orderReadyForPickup = "order_ready_for_pickup"
        case orderShipped = "order_shipped"
        case orderDelivered = "order_delivered"
        case orderCollected = "order_collected"
        case orderCancelled = "order_cancelled"
        /// One shipment of a split order was cancelled; the rest of the order goes on.
        case shipmentCancelled = "shipment_cancelled"
        case returnReceived = "return_received"
        case refundIssued = "refund_issued"
        /// A cart with lines and a consenting address was left idle: told once per cart, ever.
        case cartAbandoned = "cart_abandoned"
        /// A webhook subscription was turned off after its deliveries kept failing.
        case webhookDisabled = "webhook_disabled"
        /// A paid order earned loyalty points (`count`) for its customer.
        case loyaltyPointsEarned = "loyalty_points_earned"
        /// An order spent loyalty points (`count`, worth `amount`) at checkout.
        case loyaltyPointsRedeemed = "loyalty_points_redeemed"

        /// The event a status change causes.
        init(reaching status: OrderStatus) {
            switch status {
            case .placed: self = .orderPlaced
            case .paid: self = .orderPaid
            case .readyForPickup: self = .orderReadyForPickup
            case .partiallyShipped, .shipped: self = .orderShipped
            case .delivered: self = .orderDelivered
            case .collected: self = .orderCollected
            case .cancelled: self = .orderCancelled
            }
        }

        /// What the event is about.
        public var resourceType: ResourceType {
            switch self {
            case .cartAbandoned: .cart
            case .webhookDisabled: .webhook
            default: .order
            }
        }
    }

    /// The kind of thing an event is about; with `resourceID`, the key receivers order events by.
    public enum ResourceType: String, Sendable {
        case order
        case cart
        case webhook
    }

    /// Message arguments, kept raw: amounts are formatted and store ids named when served.
    public struct Arguments: Sendable, Equatable, Codable {
        /// The order number, for order events.
        public let order: String?
        public let count: Int64?
        public let amount: Money?
        public let store: String?
        public let returnID: String?
        /// The endpoint, for webhook events.
        public let url: String?
        /// The parcel's carrier, tracking number and page, for `order_shipped`.
        public let carrier: String?
        public let trackingNumber: String?
        public let trackingURL: String?

        public init(
            order: String? = nil, count: Int64? = nil, amount: Money? = nil, store: String? = nil, returnID: String? = nil, url: String? = nil,
            tracking: ShipmentTracking? = nil
        ) {
            self.order = order
            self.count = count
            self.amount = amount
            self.store = store
            self.returnID = returnID
            self.url = url
            carrier = tracking?.carrier
            trackingNumber = tracking?.trackingNumber
            trackingURL = tracking?.trackingURL
        }

        enum CodingKeys: String, CodingKey {
            case order, count, amount, store, url, carrier
            case returnID = "return", trackingNumber = "tracking_number", trackingURL = "tracking_url"
        }
    }

    /// Increasing; the cursor of `GET /v1/events`.
    public let sequence: Int64
    public let kind: Kind
    /// The order, cart or subscription id (of `kind.resourceType`).
    public let resourceID: String
    public let customerID: String?
    /// The market code; empty for events of no market (webhook subscriptions).
    public let market: String
    /// The language people are told of it in (BCP-47): the order's, the cart's.
    public let language: String
    public let arguments: Arguments
    public let createdAt: Date

    /// The order the event is about, for order events.
    public var orderID: String? { kind.resourceType == .order ? resourceID : nil }
}
