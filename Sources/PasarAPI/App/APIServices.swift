public import PasarMarkets
public import PasarStorage

/// What the routes need, built once by the `pasar` executable and passed in (no globals).
public struct APIServices: Sendable {
    public let markets: MarketRegistry
    public let catalog: any CatalogStore
    public let carts: any CartStore
    public let cartSettings: CartSettings
    /// Nil disables admin routes (they answer 403); they are never open.
    public let adminKey: AdminKey?
    let languages = LanguageResolver()
    let cartEvents = CartEventHub()
    let cartMessages: CartMessages

    public init(
        markets: MarketRegistry, catalog: any CatalogStore, carts: any CartStore, cartSettings: CartSettings = CartSettings(),
        adminKey: AdminKey?
    ) {
        self.markets = markets
        self.catalog = catalog
        self.carts = carts
        self.cartSettings = cartSettings
        self.adminKey = adminKey
        cartMessages = CartMessages { _, _ in nil }
    }
}
