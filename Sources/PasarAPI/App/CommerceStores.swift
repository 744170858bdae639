public import PasarStorage

/// The stores behind inventory, orders, customers and marketing consent, and the payment providers, handed to
/// `APIServices` together.
///
/// ```swift
/// let commerce = CommerceStores(inventory: stores.inventory, orders: stores.orders, customers: stores.customers, marketing: stores.marketing)
/// ```
public struct CommerceStores: Sendable {
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let marketing: MarketingStore
    public let payments: PaymentProviders

    public init(
        inventory: any InventoryStore, orders: any OrderStore, customers: any CustomerStore, marketing: MarketingStore,
        payments: PaymentProviders = .standard
    ) {
        self.inventory = inventory
        self.orders = orders
        self.customers = customers
        self.marketing = marketing
        self.payments = payments
    }
}
