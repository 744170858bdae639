public import PasarStorage

/// The stores behind inventory, orders and customers, and the payment providers, handed to
/// `APIServices` together.
///
/// ```swift
/// let commerce = CommerceStores(inventory: stores.inventory, orders: stores.orders, customers: stores.customers)
/// ```
public struct CommerceStores: Sendable {
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let payments: PaymentProviders

    public init(inventory: any InventoryStore, orders: any OrderStore, customers: any CustomerStore, payments: PaymentProviders = .standard) {
        self.inventory = inventory
        self.orders = orders
        self.customers = customers
        self.payments = payments
    }
}
