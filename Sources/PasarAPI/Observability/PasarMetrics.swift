public import CoreMetrics
import Metrics
import PasarStorage
public import Prometheus

/// Pasar's metrics: a swift-metrics factory (Prometheus by default, one registry per server, never
/// the global one, so test servers in one process do not share counts) and the registry that
/// `GET /metrics` shows. `PasarMetrics.off` records nothing and serves no `/metrics`.
public struct PasarMetrics: Sendable {
    public let factory: any MetricsFactory
    /// The registry behind `factory`; nil when metrics are off.
    public let registry: PrometheusCollectorRegistry?
    /// Serve `/metrics` on the API's port (behind the admin key); false when `--metrics-port` serves it.
    public let servesOnMainPort: Bool

    let pageCacheHits: CoreMetrics.Counter
    let pageCacheMisses: CoreMetrics.Counter
    let rateLimited: CoreMetrics.Counter
    let checkoutsPlaced: CoreMetrics.Counter
    let webhookSuccesses: CoreMetrics.Counter
    let webhookFailures: CoreMetrics.Counter
    let emailSuccesses: CoreMetrics.Counter
    let emailFailures: CoreMetrics.Counter

    /// Prometheus metrics in `registry`; request durations in `requestDurationBuckets`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), servesOnMainPort: Bool = true) {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[MetricName.requestDuration] = Self.requestDurationBuckets
        factory.durationHistogramBuckets[DatabaseMetricName.wait] = Self.databaseWaitBuckets
        self.init(factory: factory, registry: registry, servesOnMainPort: servesOnMainPort)
    }

    private init(factory: any MetricsFactory, registry: PrometheusCollectorRegistry?, servesOnMainPort: Bool) {
        self.factory = factory
        self.registry = registry
        self.servesOnMainPort = servesOnMainPort
        pageCacheHits = CoreMetrics.Counter(label: MetricName.pageCacheHits, factory: factory)
        pageCacheMisses = CoreMetrics.Counter(label: MetricName.pageCacheMisses, factory: factory)
        rateLimited = CoreMetrics.Counter(label: MetricName.rateLimited, factory: factory)
        checkoutsPlaced = CoreMetrics.Counter(label: MetricName.checkoutsPlaced, factory: factory)
        webhookSuccesses = CoreMetrics.Counter(label: MetricName.webhookDeliveries, dimensions: [("outcome", "success")], factory: factory)
        webhookFailures = CoreMetrics.Counter(label: MetricName.webhookDeliveries, dimensions: [("outcome", "failure")], factory: factory)
        emailSuccesses = CoreMetrics.Counter(label: MetricName.emailDeliveries, dimensions: [("outcome", "success")], factory: factory)
        emailFailures = CoreMetrics.Counter(label: MetricName.emailDeliveries, dimensions: [("outcome", "failure")], factory: factory)
    }

    /// Records nothing; the request middleware and `/metrics` are left out.
    public static var off: PasarMetrics { PasarMetrics(factory: NOOPMetricsHandler.instance, registry: nil, servesOnMainPort: false) }

    var isOn: Bool { registry != nil }

    /// Where the database reports its connection waits and statement errors (`PasarStores.open`'s
    /// `metrics`); nil when metrics are off, so the database measures nothing.
    public var databaseFactory: (any MetricsFactory)? { isOn ? factory : nil }

    /// 0.5 ms to 10 s: a cached product page answers in under a millisecond, a checkout in tens.
    static let requestDurationBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// 50 µs to 10 s: a free SQLite writer or pooled connection is there in microseconds; waits in
    /// milliseconds mean queueing, in seconds an exhausted pool or a database that went away.
    static let databaseWaitBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5), .seconds(5), .seconds(10),
    ]

    /// A checkout refused with a problem; `reason` is its `code` (a fixed set, so few series).
    func checkoutRefused(reason: String) {
        CoreMetrics.Counter(label: MetricName.checkoutsRefused, dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// A refusal worth counting, by its problem's code: a cart write that lost a race (`stale_cart`
    /// on `If-Match`, `cart_busy`; clients retry these), or a request the database could not serve.
    func problemAnswered(code: String) {
        switch code {
        case "stale_cart", "cart_busy":
            CoreMetrics.Counter(label: MetricName.cartWritesRefused, dimensions: [("reason", code)], factory: factory).increment()
        case "database_unavailable":
            CoreMetrics.Counter(label: MetricName.databaseUnavailable, factory: factory).increment()
        default:
            break
        }
    }

    /// One webhook attempt: answered 2xx, or not.
    func webhookAttempt(succeeded: Bool) { (succeeded ? webhookSuccesses : webhookFailures).increment() }

    /// One email attempt: accepted by the SMTP server, or not.
    func emailAttempt(succeeded: Bool) { (succeeded ? emailSuccesses : emailFailures).increment() }
}
