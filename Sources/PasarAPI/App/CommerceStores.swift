public import PasarStorage

/// The stores behind inventory, orders, customers, marketing consent and store operations, and the
/// payment providers, handed to `APIServices` together.
///
/// ```swift
/// let commerce = CommerceStores(stores)
/// ```
public struct CommerceStores: Sendable {
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let customerProfiles: CustomerProfileStore
    public let customerGroups: CustomerGroupStore
    public let cartPricing: CartPricingStore
    public let voucherUses: VoucherUseStore
    public let transfers: TransferStore
    public let marketing: MarketingStore
    /// Loyalty balances, histories and liabilities.
    public let loyalty: LoyaltyStore
    /// Pickup queues, till tenders and the stores' audit log.
    public let storeOperations: StoreOperationsStore
    public let recommendations: RecommendationStore
    public let addresses: CustomerAddressStore
    public let payments: PaymentProviders

    public init(_ stores: PasarStores, payments: PaymentProviders = .standard) {
        inventory = stores.inventory
        orders = stores.orders
        customers = stores.customers
        customerProfiles = stores.customerProfiles
        customerGroups = stores.customerGroups
        cartPricing = stores.cartPricing
        voucherUses = stores.voucherUses
        transfers = stores.transfers
        marketing = stores.marketing
        loyalty = stores.loyalty
        storeOperations = stores.storeOperations
        recommendations = stores.recommendations
        addresses = stores.addresses
        self.payments = payments
    }
}
