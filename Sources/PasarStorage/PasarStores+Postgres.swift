public import CoreMetrics
public import Foundation
public import Logging
public import PasarLocalization

extension PasarStores {
    /// Every store on a shared PostgreSQL database, with its change feed.
    public static func postgres(
        _ location: PostgresLocation, indexLanguages: [LocaleTag], synonyms: SearchSynonyms = .none, cartLifetime: TimeInterval,
        maximumConnections: Int = 20,
        logger: Logger = Logger(label: "pasar.storage"), metrics: (any MetricsFactory)? = nil
    ) async throws -> PasarStores {
        let database = try await PostgresDatabase.open(location, maximumConnections: maximumConnections, logger: logger, metrics: metrics)
        return PasarStores(
            catalog: try PostgresCatalogStore(database: database, indexLanguages: indexLanguages, synonyms: synonyms),
            carts: PostgresCartStore(database: database, lifetime: cartLifetime), inventory: PostgresInventoryStore(database: database),
            orders: PostgresOrderStore(database: database), customers: PostgresCustomerStore(database: database),
            webhooks: WebhookStore(runner: PostgresRunner(database: database)), emails: EmailStore(runner: PostgresRunner(database: database)), marketing: MarketingStore(runner: PostgresRunner(database: database), cartLifetime: cartLifetime), storeOperations: StoreOperationsStore(runner: PostgresRunner(database: database)), customerProfiles: CustomerProfileStore(runner: PostgresRunner(database: database)), customerGroups: CustomerGroupStore(runner: PostgresRunner(database: database)), cartPricing: CartPricingStore(runner: PostgresRunner(database: database)), voucherUses: VoucherUseStore(runner: PostgresRunner(database: database)), transfers: TransferStore(runner: PostgresRunner(database: database)), loyalty: LoyaltyStore(runner: PostgresRunner(database: database)),
            recommendations: RecommendationStore(runner: PostgresRunner(database: database)),
            addresses: CustomerAddressStore(runner: PostgresRunner(database: database)),
            changeFeed: PostgresChangeFeed(database: database), kind: "postgresql", closeDatabase: { await database.close() })
    }
}
