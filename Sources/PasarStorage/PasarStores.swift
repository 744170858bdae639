public import CoreMetrics
public import Foundation
public import Logging
public import PasarLocalization

/// Every store of one database, SQLite or PostgreSQL, chosen by where the database is: a file path
/// opens (or creates) a SQLite file, a `postgres://` URL a shared PostgreSQL database.
///
/// ```swift
/// let stores = try await PasarStores.open("pasar.sqlite", indexLanguages: ["en", "de"], cartLifetime: 30 * 86400)
/// defer { try? await stores.close() }
/// ```
public struct PasarStores: Sendable {
    public let catalog: any CatalogStore
    public let carts: any CartStore
    public let inventory: any InventoryStore
    public let orders: any OrderStore
    public let customers: any CustomerStore
    public let webhooks: WebhookStore
    public let emails: EmailStore
    public let marketing: MarketingStore
    public let storeOperations: StoreOperationsStore
    public let customerProfiles: CustomerProfileStore
    public let customerGroups: CustomerGroupStore
    /// Repricing a whole cart (sign-in, merge, sign-out) and detaching its customer.
    public let cartPricing: CartPricingStore
    /// Uses of limited vouchers, claimed at checkout and given back on cancellation.
    public let voucherUses: VoucherUseStore
    public let transfers: TransferStore
    public let loyalty: LoyaltyStore
    /// What customers bought together, for recommendations.
    public let recommendations: RecommendationStore
    public let addresses: CustomerAddressStore
    /// Changes made by other processes on the same database; nil on SQLite, where one process owns the file.
    public let changeFeed: (any ChangeFeed)?
    /// Which database: "sqlite" or "postgresql".
    public let kind: String
    let closeDatabase: @Sendable () async throws -> Void

    /// `location`: a SQLite file path, or a postgres:// URL (see `PostgresLocation`).
    /// `indexLanguages`: every language a request may be served in (the markets' languages).
    /// `metrics`: where the database reports its connection waits and statement errors; nil reports nothing.
    public static func open(
        _ location: String, indexLanguages: [LocaleTag], synonyms: SearchSynonyms = .none, cartLifetime: TimeInterval,
        maximumConnections: Int = 20, logger: Logger = Logger(label: "pasar.storage"), metrics: (any MetricsFactory)? = nil
    ) async throws -> PasarStores {
        if PostgresLocation.isURL(location) {
            return try await postgres(PostgresLocation(url: location), indexLanguages: indexLanguages, synonyms: synonyms,
                cartLifetime: cartLifetime, maximumConnections: maximumConnections, logger: logger, metrics: metrics)
        }
        let database = try SQLiteDatabase(path: location, metrics: metrics)
        return PasarStores(
            catalog: try SQLiteCatalogStore(database: database, indexLanguages: indexLanguages, synonyms: synonyms),
            carts: SQLiteCartStore(database: database, lifetime: cartLifetime), inventory: SQLiteInventoryStore(database: database),
            orders: SQLiteOrderStore(database: database), customers: SQLiteCustomerStore(database: database),
            webhooks: WebhookStore(runner: SQLiteRunner(database: database)), emails: EmailStore(runner: SQLiteRunner(database: database)), marketing: MarketingStore(runner: SQLiteRunner(database: database), cartLifetime: cartLifetime), storeOperations: StoreOperationsStore(runner: SQLiteRunner(database: database)), customerProfiles: CustomerProfileStore(runner: SQLiteRunner(database: database)), customerGroups: CustomerGroupStore(runner: SQLiteRunner(database: database)), cartPricing: CartPricingStore(runner: SQLiteRunner(database: database)), voucherUses: VoucherUseStore(runner: SQLiteRunner(database: database)), transfers: TransferStore(runner: SQLiteRunner(database: database)), loyalty: LoyaltyStore(runner: SQLiteRunner(database: database)),
            recommendations: RecommendationStore(runner: SQLiteRunner(database: database)),
            addresses: CustomerAddressStore(runner: SQLiteRunner(database: database)), changeFeed: nil,
            kind: "sqlite", closeDatabase: { try database.close() })
    }

    /// Closes the database: SQLite checkpoints its log into the file, PostgreSQL closes the pool.
    public func close() async throws {
        try await closeDatabase()
    }
}
