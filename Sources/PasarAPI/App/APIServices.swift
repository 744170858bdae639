public import PasarMarkets
public import PasarStorage

/// What the routes need, built once by the `pasar` executable and passed in (no globals).
public struct APIServices: Sendable {
    public let markets: MarketRegistry
    public let catalog: any CatalogStore
    /// Nil disables admin routes (they answer 403); they are never open.
    public let adminKey: AdminKey?
    let languages = LanguageResolver()

    public init(markets: MarketRegistry, catalog: any CatalogStore, adminKey: AdminKey?) {
        self.markets = markets
        self.catalog = catalog
        self.adminKey = adminKey
    }
}
