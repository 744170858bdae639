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
    /// Customer-facing message patterns (`Locales/messages/`).
    public let messages: MessageCatalog
    /// Stock, orders, returns and customers.
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let payments: PaymentProviders
    let languages = LanguageResolver()
    let cartEvents = CartEventHub()
    let cartMessages: CartMessages

    public init(
        markets: MarketRegistry, catalog: any CatalogStore, carts: any CartStore, cartSettings: CartSettings = CartSettings(),
        adminKey: AdminKey?, messages: MessageCatalog = .empty, commerce: CommerceStores
    ) {
        self.markets = markets
        self.catalog = catalog
        self.carts = carts
        self.cartSettings = cartSettings
        self.adminKey = adminKey
        self.messages = messages
        inventory = commerce.inventory
        orders = commerce.orders
        customers = commerce.customers
        payments = commerce.payments
        cartMessages = CartMessages { key, language in messages.pattern(for: key, language: language) }
    }
}
