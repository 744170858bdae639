public import PasarStorage

/// The stores behind inventory, orders, customers, marketing consent and store operations, and the
/// payment providers, handed to `APIServices` together.
///
/// ```swift
/// let commerce = CommerceStores(
///     inventory: stores.inventory, orders: stores.orders, customers: stores.customers, marketing: stores.marketing,
///     storeOperations: stores.storeOperations)
/// ```
public struct CommerceStores: Sendable {
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let marketing: MarketingStore
    /// Pickup queues, till tenders and the stores' audit log.
    public let storeOperations: StoreOperationsStore
    public let payments: PaymentProviders

    public init(
        inventory: any InventoryStore, orders: any OrderStore, customers: any CustomerStore, marketing: MarketingStore,
        storeOperations: StoreOperationsStore, payments: PaymentProviders = .standard
    ) {
        self.inventory = inventory
        self.orders = orders
        self.customers = customers
        self.marketing = marketing
        self.storeOperations = storeOperations
        self.payments = payments
    }
}
