public import FoundationEssentials

/// When a failed delivery is tried again: exponential backoff with jitter over about three days
/// (after Stripe's schedule), then the delivery fails: a webhook subscription is turned off, an email
/// is given up.
public struct DeliveryRetrySchedule: Sendable {
    /// Seconds after each failed attempt: 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h
    /// (3.1 days in all, ten attempts).
    public static let standardDelays: [TimeInterval] = [60, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]

    public let delays: [TimeInterval]
    /// Each delay is moved by up to this fraction either way, so receivers that come back are not
    /// hit by every retry at once.
    public let jitter: Double

    /// `scale` shortens the whole schedule (tests use 0.001: the first retry after 60 ms).
    public init(scale: Double = 1, jitter: Double = 0.1) {
        delays = Self.standardDelays.map { $0 * scale }
        self.jitter = jitter
    }

    public var attempts: Int { delays.count + 1 }

    /// When to try again after `attempt` (1-based) failed; nil when it was the last.
    public func nextAttempt(after attempt: Int64, failedAt now: Date) -> Date? {
        guard attempt >= 1, attempt <= Int64(delays.count) else { return nil }
        let delay = delays[Int(attempt) - 1]
        return now.addingTimeInterval(delay * (1 + Double.random(in: -jitter...jitter)))
    }
}
