import Synchronization

/// One request's wait for a connection and its use of it: waiting from `init` to `acquired()`
/// (which times the wait), in use until `released()`. A wait that ends without a connection (a
/// cancelled request, a closed pool, an outage) calls `ended()`, which stops counting it as waiting.
final class PoolLease: Sendable {
    private let metrics: PoolMetrics
    private let started: ContinuousClock.Instant
    /// Set by `acquired()`, which may run on the database's own thread (GRDB's writer and readers).
    private let connected = Atomic<Bool>(false)

    init(_ metrics: PoolMetrics) {
        self.metrics = metrics
        started = .now
        metrics.waiting.increment()
    }

    func acquired() {
        connected.store(true, ordering: .relaxed)
        let waited = (ContinuousClock.now - started).components
        metrics.wait.recordNanoseconds(waited.seconds &* 1_000_000_000 &+ waited.attoseconds / 1_000_000_000)
        metrics.waiting.decrement()
        metrics.inUse.increment()
    }

    func released() { metrics.inUse.decrement() }

    /// The access is over: a wait that never got a connection stops counting as waiting.
    func ended() {
        if !connected.load(ordering: .relaxed) { metrics.waiting.decrement() }
    }
}
