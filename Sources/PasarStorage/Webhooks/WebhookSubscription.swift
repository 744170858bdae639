public import FoundationEssentials

/// Where a merchant's system wants events pushed, and the secret that signs them.
public struct WebhookSubscription: Sendable, Equatable {
    public let id: String
    public let url: String
    /// The event types wanted; empty means every type.
    public let eventTypes: [String]
    public let description: String?
    /// `whsec_` + base64 of the key; shown to the merchant once, when made or rotated.
    public let secret: String
    /// The secret before the last rotation, still signing until `previousSecretExpires`.
    public let previousSecret: String?
    public let previousSecretExpires: Date?
    public let enabled: Bool
    /// Why Pasar turned the subscription off (sustained failure); nil when enabled or turned off by hand.
    public let disabledReason: String?
    public let consecutiveFailures: Int64
    public let createdAt: Date
    public let updatedAt: Date

    /// The secrets that sign at `now`: the current one, and the previous one during its overlap.
    public func signingSecrets(at now: Date) -> [String] {
        guard let previousSecret, let previousSecretExpires, previousSecretExpires > now else { return [secret] }
        return [secret, previousSecret]
    }

    public func wants(_ eventType: String) -> Bool { eventTypes.isEmpty || eventTypes.contains(eventType) }
}

/// A new subscription as the admin route made it.
public struct NewWebhookSubscription: Sendable {
    public let id: String
    public let url: String
    public let eventTypes: [String]
    public let description: String?
    public let secret: String
    public let now: Date

    public init(id: String, url: String, eventTypes: [String], description: String?, secret: String, now: Date) {
        self.id = id
        self.url = url
        self.eventTypes = eventTypes
        self.description = description
        self.secret = secret
        self.now = now
    }
}

/// What an update changes; nil leaves a field as it is.
public struct WebhookSubscriptionChange: Sendable {
    public var url: String?
    public var eventTypes: [String]?
    /// `.some(nil)` clears the description.
    public var description: String??
    public var enabled: Bool?

    public init(url: String? = nil, eventTypes: [String]? = nil, description: String?? = nil, enabled: Bool? = nil) {
        self.url = url
        self.eventTypes = eventTypes
        self.description = description
        self.enabled = enabled
    }
}
