public import PasarStorage

/// How webhooks are sent: which URLs are allowed, the retry schedule, the timeout of one attempt.
public struct WebhookSettings: Sendable {
    let urls: WebhookURLPolicy
    let schedule: DeliveryRetrySchedule
    let timeoutSeconds: Int64
    /// How often the sender looks for new events and due retries.
    let pollMilliseconds: Int64

    /// `allowPrivateURLs`: also `http` and private addresses (development, tests). `retryScale`
    /// shortens the three-day schedule (tests).
    public init(allowPrivateURLs: Bool = false, retryScale: Double = 1, timeoutSeconds: Int64 = 10, pollMilliseconds: Int64 = 250) {
        urls = WebhookURLPolicy(allowPrivate: allowPrivateURLs)
        schedule = DeliveryRetrySchedule(scale: retryScale)
        self.timeoutSeconds = timeoutSeconds
        self.pollMilliseconds = pollMilliseconds
    }
}
