public import Hummingbird
public import Logging
public import ServiceLifecycle

/// Where the HTTP server listens.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// All Pasar routes, wired to the services they use.
public func buildRouter(services: APIServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    if services.metrics.isOn { router.add(middleware: RequestMetricsMiddleware(metrics: services.metrics)) }
    router.add(middleware: TraceContextMiddleware(instrument: services.instrument))
    router.add(middleware: RequestLogMiddleware(level: .info))
    if !services.crossOrigin.isEmpty { router.add(middleware: CrossOriginMiddleware(policy: services.crossOrigin)) }
    router.add(middleware: ProblemMiddleware(messages: services.messages, languages: services.languages, metrics: services.metrics))
    router.add(middleware: ConditionalGetMiddleware())
    // Plain files, no build step: the pages are the example of a client of the public API.
    services.demo?.addRoutes(to: router)
    router.get("/healthz") { _, _ in StatusView(status: "ok") }
    router.get("/readyz", use: ReadinessCheck(services: services).respond)
    router.get("/openapi.json", use: OpenAPIDocument.response)
    let callers = CallerMiddleware(keyring: services.keyring, limiter: services.rateLimiter, streamTokenKey: services.streamTokenKey, metrics: services.metrics)
    if let registry = services.metrics.registry, services.metrics.servesOnMainPort {
        MetricsEndpoint(registry: registry, services: services).addRoutes(to: router.group().add(middleware: callers).add(middleware: AdminOnlyMiddleware(keyring: services.keyring)))
    }
    let v1 = router.group("v1").add(middleware: callers)
    MarketsController(services: services).addRoutes(to: v1)
    CatalogController(services: services).addRoutes(to: v1)
    SuggestionController(services: services).addRoutes(to: v1)
    CartController(services: services).addRoutes(to: v1)
    CartLoyaltyController(services: services).addRoutes(to: v1)
    LoyaltyController(services: services).addRoutes(to: v1)
    CartEventsStream(services: services).addRoutes(to: v1)
    CartCodeController(services: services).addRoutes(to: v1)
    CartRecoveryController(services: services).addRoutes(to: v1)
    CheckoutController(services: services).addRoutes(to: v1.group().add(middleware: CheckoutMetricsMiddleware(metrics: services.metrics)))
    AvailabilityController(services: services).addRoutes(to: v1)
    OrdersController(services: services).addRoutes(to: v1)
    CustomersController(services: services).addRoutes(to: v1)
    RecommendationsController(services: services).addRoutes(to: v1)
    CustomerAddressesController(services: services).addRoutes(to: v1)
    CheckoutProposalController(services: services).addRoutes(to: v1)
    StoreController(services: services).addRoutes(to: v1)
    TransferController(services: services).addRoutes(to: v1)
    let admin = v1.group("admin").add(middleware: AdminOnlyMiddleware(keyring: services.keyring))
    AdminController(services: services).addRoutes(to: admin)
    VoucherAdminController(services: services).addRoutes(to: admin)
    CartRecoveryController(services: services).addAdminRoutes(to: admin)
    CustomerTokenController(services: services).addRoutes(to: admin)
    InventoryAdminController(services: services).addRoutes(to: admin)
    OrderAdminController(services: services).addRoutes(to: admin)
    LoyaltyController(services: services).addAdminRoutes(to: admin)
    if let webhooks = services.webhooks { WebhookAdminController(services: services, store: webhooks).addRoutes(to: admin) }
    if let emails = services.emails { EmailAdminController(store: emails).addRoutes(to: admin) }
    // Support and notification routes outside /admin that still need the admin key.
    let support = v1.group().add(middleware: AdminOnlyMiddleware(keyring: services.keyring))
    CustomersController(services: services).addSupportRoutes(to: support)
    CustomerGroupsController(services: services).addRoutes(to: support)
    EventsController(services: services).addRoutes(to: support)
    // Links in emails: no API key, the token is the proof.
    UnsubscribeController(services: services).addRoutes(to: router)
    return router
}

/// The HTTP application; run it with `runService()` (stops on SIGTERM/SIGINT, finishing requests in flight).
public func buildApplication(
    settings: ServerSettings, services: APIServices, logger: Logger, extraServices: [any Service] = []
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services: services),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Pasar"),
        services: extraServices,
        logger: logger)
}
