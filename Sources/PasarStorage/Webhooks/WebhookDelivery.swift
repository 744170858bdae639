public import FoundationEssentials

/// One event on its way to one subscription: delivered at least once, retried on failure.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for its next attempt (or in flight).
        case pending
        case succeeded
        /// Every attempt of the schedule failed.
        case failed
    }

    public let subscriptionID: String
    /// The outbox sequence of the event; also its `webhook-id` (`evt_<sequence>`).
    public let eventSequence: Int64
    public let eventType: String
    /// What the event is about: an order, a cart, a subscription.
    public let resourceType: OutboxEvent.ResourceType
    public let resourceID: String
    /// The event's place among the events of its resource (1, 2, …), so receivers can order what
    /// arrives out of order.
    public let resourceSequence: Int64
    public let status: Status
    /// Attempts in the current round (a manual redelivery starts a new round).
    public let attempts: Int64
    public let nextAttemptAt: Date
    public let lastStatusCode: Int64?
    public let lastError: String?
    public let createdAt: Date
    /// Every attempt so far, oldest first; filled when a delivery log is read.
    public var log: [WebhookAttempt] = []
}

/// One try to deliver: what came back and how long it took.
public struct WebhookAttempt: Sendable, Equatable {
    public let number: Int64
    public let at: Date
    /// The response's status code; nil when there was no response (refused, timed out, blocked address).
    public let statusCode: Int64?
    public let error: String?
    public let durationMilliseconds: Int64

    public init(number: Int64, at: Date, statusCode: Int64?, error: String?, durationMilliseconds: Int64) {
        self.number = number
        self.at = at
        self.statusCode = statusCode
        self.error = error
        self.durationMilliseconds = durationMilliseconds
    }

    /// A 2xx answer; anything else (a redirect too) is a failure.
    public var succeeded: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}
