public import Hummingbird
public import Logging
import NIOCore
import Prometheus

/// `GET /metrics`: every metric in the Prometheus text format (version 0.0.4); the gauges read
/// from the database (the outbox lag) are read first.
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry
    let outboxLag: OutboxLagGauge

    init(registry: PrometheusCollectorRegistry, services: APIServices) {
        self.registry = registry
        outboxLag = OutboxLagGauge(services: services)
    }

    func addRoutes<Context: RequestContext>(to router: some RouterMethods<Context>) {
        router.get("/metrics") { _, context in
            await self.outboxLag.refresh(logger: context.logger)
            return self.response()
        }
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
    settings: ServerSettings, services: APIServices, logger: Logger
) -> Application<RouterResponder<BasicRequestContext>>? {
    guard let registry = services.metrics.registry else { return nil }
    let router = Router()
    MetricsEndpoint(registry: registry, services: services).addRoutes(to: router)
    return Application(
        router: router, configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Pasar metrics"), logger: logger)
}
