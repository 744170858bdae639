import Foundation
import Hummingbird
import PasarStorage

/// A subscription as the admin API shows it; the secret only right after it was made or rotated.
struct WebhookView: ResponseEncodable {
    let id: String
    let url: String
    /// Empty: every event type.
    let events: [String]
    let description: String?
    let enabled: Bool
    let disabledReason: String?
    let consecutiveFailures: Int64
    /// Until then the previous secret signs too.
    let previousSecretExpiresAt: String?
    let secret: String?
    let createdAt: String
    let updatedAt: String

    init(_ subscription: WebhookSubscription, showingSecret: Bool = false) {
        id = subscription.id
        url = subscription.url
        events = subscription.eventTypes
        description = subscription.description
        enabled = subscription.enabled
        disabledReason = subscription.disabledReason
        consecutiveFailures = subscription.consecutiveFailures
        previousSecretExpiresAt = subscription.previousSecretExpires.map(OrderView.timestamp)
        secret = showingSecret ? subscription.secret : nil
        createdAt = OrderView.timestamp(subscription.createdAt)
        updatedAt = OrderView.timestamp(subscription.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, url, events, description, enabled, secret
        case disabledReason = "disabled_reason", consecutiveFailures = "consecutive_failures"
        case previousSecretExpiresAt = "previous_secret_expires_at", createdAt = "created_at", updatedAt = "updated_at"
    }
}

struct WebhookListView: ResponseEncodable {
    let items: [WebhookView]
}

/// One event's delivery to a subscription, with every attempt.
struct WebhookDeliveryView: Encodable {
    struct Attempt: Encodable {
        let number: Int64
        let at: String
        let statusCode: Int64?
        let error: String?
        let durationMs: Int64

        enum CodingKeys: String, CodingKey {
            case number, at, error
            case statusCode = "status_code", durationMs = "duration_ms"
        }
    }

    let webhookID: String
    let eventSequence: Int64
    let eventType: String
    let resourceType: String
    let resourceID: String
    /// The order, for order events.
    let orderID: String?
    let resourceSequence: Int64
    let status: String
    let attempts: Int64
    let nextAttemptAt: String?
    let lastStatusCode: Int64?
    let lastError: String?
    let createdAt: String
    let log: [Attempt]

    init(_ delivery: WebhookDelivery) {
        webhookID = WebhookPayload.messageID(delivery)
        eventSequence = delivery.eventSequence
        eventType = delivery.eventType
        resourceType = delivery.resourceType.rawValue
        resourceID = delivery.resourceID
        orderID = delivery.resourceType == .order ? delivery.resourceID : nil
        resourceSequence = delivery.resourceSequence
        status = delivery.status.rawValue
        attempts = delivery.attempts
        nextAttemptAt = delivery.status == .pending ? OrderView.timestamp(delivery.nextAttemptAt) : nil
        lastStatusCode = delivery.lastStatusCode
        lastError = delivery.lastError
        createdAt = OrderView.timestamp(delivery.createdAt)
        log = delivery.log.map {
            Attempt(number: $0.number, at: OrderView.timestamp($0.at), statusCode: $0.statusCode, error: $0.error, durationMs: $0.durationMilliseconds)
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, attempts, log
        case webhookID = "webhook_id", eventSequence = "event_sequence", eventType = "event_type", orderID = "order_id"
        case resourceType = "resource_type", resourceID = "resource_id"
        case resourceSequence = "resource_sequence", nextAttemptAt = "next_attempt_at", lastStatusCode = "last_status_code"
        case lastError = "last_error", createdAt = "created_at"
    }
}


