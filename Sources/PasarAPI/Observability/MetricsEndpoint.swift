public import Hummingbird
public import Logging
import NIOCore
import Prometheus

/// `GET /metrics`: every metric in the Prometheus text format (version 0.0.4).
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry

    func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>) {
        router.get("/metrics") { _, _ in self.response() }
    }

    func response() -> Response {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16_384)
        registry.emit(into: &bytes)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// The metrics server of `--metrics-port`: only `GET /metrics`, without a key, for a scraper on
/// an address the operator chose (loopback by default); nil when metrics are off.
public func buildMetricsApplication(
    settings: ServerSettings, metrics: PasarMetrics, logger: Logger
) -> Application<RouterResponder<BasicRequestContext>>? {
    guard let registry = metrics.registry else { return nil }
    let router = Router()
    MetricsEndpoint(registry: registry).addRoutes(to: router)
    return Application(
        router: router, configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Pasar metrics"), logger: logger)
}
