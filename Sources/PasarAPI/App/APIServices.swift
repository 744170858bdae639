import Foundation
public import Instrumentation
public import PasarMarkets
public import PasarStorage

/// What the routes need, built once by the `pasar` executable and passed in (no globals).
public struct APIServices: Sendable {
    public let markets: MarketRegistry
    public let catalog: any CatalogStore
    public let carts: any CartStore
    public let cartSettings: CartSettings
    /// API keys of the channels and the admin; without an admin key, admin routes answer 403.
    public let keyring: APIKeyring
    public let customerTokens: CustomerTokens
    /// Requests per second and burst per caller; nil disables rate limiting.
    let rateLimiter: RateLimiter?
    /// Customer-facing message patterns (`Locales/messages/`).
    public let messages: MessageCatalog
    /// Stock, orders, returns and customers.
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let customerProfiles: CustomerProfileStore
    /// Bought-together and per-customer recommendations, cached.
    let recommendations: Recommendations
    /// Customers' saved addresses, named at checkout.
    public let addresses: CustomerAddressStore
    /// Customers' groups: set by admins, granted by markets' spend rules, used to price carts.
    public let customerGroups: CustomerGroupStore
    let cartPricing: CartPricingStore
    let voucherUses: VoucherUseStore
    /// Stock transfers between locations.
    public let transfers: TransferStore
    /// Marketing consent and abandoned-cart reminders.
    public let marketing: MarketingStore
    /// Loyalty points: balances, histories, liabilities.
    public let loyalty: LoyaltyStore
    public let storeOperations: StoreOperationsStore
    public let payments: PaymentProviders
    let languages = LanguageResolver()
    let cartEvents: CartEventHub
    /// The market of each cart shown, so adding a line skips reading the cart first.
    let cartMarkets = CartMarkets()
    /// Changes made by other processes on a shared database; nil on SQLite.
    public let changeFeed: (any ChangeFeed)?
    /// How long `GET /readyz` waits for the database before answering 503.
    let readinessTimeout: Duration
    /// Encoded product, list and search pages; catalog and market writes clear it.
    let productPages: PageCache
    /// Bounds the list, search and suggestion queries that read the database at once.
    let catalogQueries: CatalogQueryGate
    let cartMessages: CartMessages
    /// Signs the tokens that open a cart's live stream from a browser.
    let streamTokenKey: [UInt8]
    /// Webhook subscriptions and deliveries; nil leaves the webhook routes out.
    public let webhooks: WebhookStore?
    public let webhookSettings: WebhookSettings
    /// Customer emails and their log; nil leaves the email routes out.
    public let emails: EmailStore?
    /// The demo storefront and POS pages and their keys (`--demo` only).
    public let demo: DemoSite?
    /// The browser origins that may call storefront routes; none by default.
    public let crossOrigin: CrossOriginPolicy
    /// Request, cache, checkout and delivery metrics, and the registry `/metrics` shows.
    public let metrics: PasarMetrics
    /// Reads `traceparent` from requests and writes it on webhook calls (W3C Trace Context).
    public let instrument: any Instrument

    public init(
        markets: MarketRegistry, catalog: any CatalogStore, carts: any CartStore, cartSettings: CartSettings = CartSettings(),
        keyring: APIKeyring, customerTokens: CustomerTokens, rateLimit: (perSecond: Double, burst: Double)? = (50, 100),
        messages: MessageCatalog = .empty, commerce: CommerceStores, changeFeed: (any ChangeFeed)? = nil,
        readinessTimeout: Duration = .seconds(10), pageCache: Bool = true, catalogQuerySlots: Int? = nil,
        crossOrigin: CrossOriginPolicy = .none, demo: DemoSite? = nil,
        webhooks: WebhookStore? = nil, webhookSettings: WebhookSettings = WebhookSettings(), emails: EmailStore? = nil,
        metrics: PasarMetrics = PasarMetrics(), instrument: any Instrument = W3CTraceContextInstrument()
    ) {
        self.metrics = metrics
        self.instrument = instrument
        self.emails = emails
        self.demo = demo
        self.webhooks = webhooks
        self.webhookSettings = webhookSettings
        self.crossOrigin = crossOrigin
        streamTokenKey = CartStreamToken.key(from: cartSettings)
        productPages = PageCache(capacity: pageCache ? 10_000 : 0, metrics: metrics)
        // Half the cores by default: the other half stays free for cart writes and checkouts.
        catalogQueries = CatalogQueryGate(slots: catalogQuerySlots ?? ProcessInfo.processInfo.activeProcessorCount / 2)
        self.markets = markets
        self.catalog = catalog
        self.carts = carts
        self.cartSettings = cartSettings
        self.keyring = keyring
        self.customerTokens = customerTokens
        rateLimiter = rateLimit.map { RateLimiter(perSecond: $0.perSecond, burst: $0.burst) }
        self.messages = messages
        inventory = commerce.inventory
        orders = commerce.orders
        customers = commerce.customers
        customerProfiles = commerce.customerProfiles
        recommendations = Recommendations(store: commerce.recommendations, catalog: catalog, inventory: commerce.inventory)
        addresses = commerce.addresses
        customerGroups = commerce.customerGroups
        cartPricing = commerce.cartPricing
        voucherUses = commerce.voucherUses
        transfers = commerce.transfers
        marketing = commerce.marketing
        loyalty = commerce.loyalty
        storeOperations = commerce.storeOperations
        payments = commerce.payments
        cartMessages = CartMessages(catalog: messages)
        self.changeFeed = changeFeed
        cartEvents = CartEventHub(feed: changeFeed)
        self.readinessTimeout = readinessTimeout
    }
}
