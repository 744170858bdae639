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
    let languages = LanguageResolver()
    let cartEvents = CartEventHub()
    let cartMessages: CartMessages

    public init(
        markets: MarketRegistry, catalog: any CatalogStore, carts: any CartStore, cartSettings: CartSettings = CartSettings(),
        keyring: APIKeyring, customerTokens: CustomerTokens, rateLimit: (perSecond: Double, burst: Double)? = (50, 100)
    ) {
        self.markets = markets
        self.catalog = catalog
        self.carts = carts
        self.cartSettings = cartSettings
        self.keyring = keyring
        self.customerTokens = customerTokens
        rateLimiter = rateLimit.map { RateLimiter(perSecond: $0.perSecond, burst: $0.burst) }
        cartMessages = CartMessages { _, _ in nil }
    }
}
