import Foundation
import Synchronization

/// A token bucket per caller: `burst` requests at once, refilled at `perSecond`. A caller over its
/// budget gets 429 with `Retry-After`. In-process: with several Pasar processes, each enforces its
/// own share.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    let perSecond: Double
    let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// Nil when the request may go ahead; otherwise the whole seconds to wait.
    func retryAfter(for key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { all in
            var bucket = all[key] ?? Bucket(tokens: burst, updated: now)
            let elapsed = Double((now - bucket.updated).components.seconds) + Double((now - bucket.updated).components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + elapsed * perSecond)
            bucket.updated = now
            defer {
                all[key] = bucket
                if all.count > 100_000 { all = all.filter { $0.value.tokens < burst } }
            }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
