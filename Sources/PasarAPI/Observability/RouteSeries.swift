import CoreMetrics
import HTTPTypes
import Metrics
import Synchronization

/// The counter and histogram of each (route, method, status class), made once and then looked up.
final class RouteSeries: Sendable {
    struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let statusClass: Int
    }

    struct Instruments: Sendable {
        let requests: CoreMetrics.Counter
        let duration: CoreMetrics.Timer
    }

    private let factory: any MetricsFactory
    private let made = Mutex<[Key: Instruments]>([:])

    init(factory: any MetricsFactory) { self.factory = factory }

    func record(route: String?, method: HTTPRequest.Method, status: HTTPResponse.Status, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let instruments = self.instruments(Key(route: route ?? "unmatched", method: method, statusClass: status.code / 100))
        instruments.requests.increment()
        instruments.duration.record(duration: elapsed)
    }

    private func instruments(_ key: Key) -> Instruments {
        made.withLock { made in
            if let found = made[key] { return found }
            let labels = [("route", key.route), ("method", key.method.rawValue), ("status_class", "\(key.statusClass)xx")]
            let instruments = Instruments(
                requests: CoreMetrics.Counter(label: MetricName.requests, dimensions: labels, factory: factory),
                duration: CoreMetrics.Timer(label: MetricName.requestDuration, dimensions: labels, factory: factory))
            made[key] = instruments
            return instruments
        }
    }
}
