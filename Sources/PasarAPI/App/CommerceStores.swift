public import PasarStorage

/// The stores behind inventory, orders and customers, and the payment providers, handed to
/// `APIServices` together.
///
/// ```swift
/// let commerce = CommerceStores.sqlite(database)   // SQLite stores and the manual payment provider
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

    /// Every store on one SQLite database.
    public static func sqlite(_ database: PasarDatabase) -> CommerceStores {
        CommerceStores(
            inventory: SQLiteInventoryStore(database: database), orders: SQLiteOrderStore(database: database),
            customers: SQLiteCustomerStore(database: database))
    }
}
