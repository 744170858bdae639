public import FoundationEssentials

/// One email to one customer, waiting to be sent or sent: the outbox event (an order's, or a cart's reminder) it tells of,
/// to whom and in which language. The text is composed when it is sent, from the order as it is then.
public struct EmailMessage: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for its next attempt (or in flight).
        case pending
        case sent
        /// The server refused it for good, or every attempt of the schedule failed.
        case failed
    }

    /// `evt_<outbox sequence>` for an order email; also the local part of its `Message-ID`, the
    /// same on every attempt, so a repeated send is recognisable as one message.
    public let id: String
    /// The event type it tells of (`order_placed`, …).
    public let kind: String
    public let recipient: String
    /// BCP-47: the order's language; for a reminder, the customer's (or the cart's).
    public let language: String
    public let market: String
    public let eventSequence: Int64?
    public let orderID: String?
    /// The cart a reminder is about.
    public let cartID: String?
    public let status: Status
    public let attempts: Int64
    public let nextAttemptAt: Date
    public let lastError: String?
    public let createdAt: Date
    public let sentAt: Date?
}
