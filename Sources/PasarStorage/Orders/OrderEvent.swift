public import FoundationEssentials
public import PasarCore

/// One outbox entry: something happened to an order. The text a customer reads is made from
/// `type` (the message key), the order's language and these arguments when the event is served.
public struct OrderEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case orderPlaced = "order_placed"
        case orderPaid = "order_paid"
        case orderReadyForPickup = "order_ready_for_pickup"
        case orderShipped = "order_shipped"
        case orderDelivered = "order_delivered"
        case orderCollected = "order_collected"
        case orderCancelled = "order_cancelled"
        case returnReceived = "return_received"
        case refundIssued = "refund_issued"

        /// The event a status change causes.
        init(reaching status: OrderStatus) {
            switch status {
            case .placed: self = .orderPlaced
            case .paid: self = .orderPaid
            case .readyForPickup: self = .orderReadyForPickup
            case .shipped: self = .orderShipped
            case .delivered: self = .orderDelivered
            case .collected: self = .orderCollected
            case .cancelled: self = .orderCancelled
            }
        }
    }

    /// Message arguments, kept raw: amounts are formatted and store ids named when served.
    public struct Arguments: Sendable, Equatable, Codable {
        public let order: String
        public let count: Int64?
        public let amount: Money?
        public let store: String?
        public let returnID: String?

        enum CodingKeys: String, CodingKey {
            case order, count, amount, store
            case returnID = "return"
        }
    }

    /// Increasing; the cursor of `GET /v1/events`.
    public let sequence: Int64
    public let kind: Kind
    public let orderID: String
    public let customerID: String?
    public let market: String
    /// The order's language (BCP-47).
    public let language: String
    public let arguments: Arguments
    public let createdAt: Date
}
