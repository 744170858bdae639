import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PasarAPI
import PasarMarkets
import PasarStorage
import PasarTestSupport
import Synchronization
import Testing

/// A real Pasar server for one test: a fresh database, the shipped markets, the demo catalog
/// imported, and Hummingbird's live test client on a free port. The database is a SQLite file in a
/// temp directory, or, when `PASAR_TEST_POSTGRES_URL` names a PostgreSQL server, a database of its
/// own on that server: the whole suite runs unchanged against either.
struct TestServer {
    static let adminKey = "test-admin-key-0123456789"

    let directory: URL
    let stores: PasarStores
    let services: APIServices
    var inventory: any InventoryStore { stores.inventory }

    static let recoveryKey = Array("test-recovery-key-0123456789abcdef".utf8)

    static let customerTokenKey = Array("test-customer-token-key-0123456789".utf8)
    /// Channel keys of `TestServer(channelKeys: true)`.
    static let channelKeys = ["web": "web-key-0123456789abcdef", "pos": "pos-key-0123456789abcdef"]
    /// The publishable `web` key of `TestServer(channelKeys: true)`, for pages of `shopOrigin`.
    static let publishableKey = "pk_web-0123456789abcdef"
    /// Staff keys of the tills of two Swiss stores, on every test server.
    static let staffKeys = ["zurich-hb": "staff-zurich-0123456789abcdef", "geneve-rive": "staff-geneve-0123456789abcdef"]
    static let shopOrigin = "https://shop.example"

    /// `directory`: reuse the database of an earlier server (restart tests); a new one by default.
    /// Without `channelKeys` the storefront serves callers without a key, as `pasar serve --demo` does.
    init(
        demo: Bool = true, adminKey: String? = TestServer.adminKey, channelKeys: Bool = false, rateLimit: (Double, Double)? = nil, allowPrivateWebhooks: Bool = false,
        directory: URL? = nil, cartLifetime: TimeInterval = 30 * 24 * 3600, catalogFile: String = "catalog/demo-catalog.jsonl",
        crossOrigins: [String] = []
    ) async throws {
        let reused = directory != nil
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("pasar-test-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let registry = try MarketRegistry(directory: "\(Fixtures.repositoryRoot)/Locales/markets")
        let markets = registry.snapshot
        let seed = TestDatabase.Seed(name: demo ? catalogFile : "empty") { stores in
            guard demo else { return }
            _ = try await CatalogImporter(store: stores.catalog, inventory: stores.inventory, markets: markets)
                .importFile(at: Fixtures.path(catalogFile))
            try await VoucherImporter.importFile(at: Fixtures.path("catalog/demo-vouchers.json"), into: stores.carts, markets: markets)
        }
        let metrics = PasarMetrics()
        stores = try await TestDatabase.open(
            directory: directory, reused: reused, seed: seed, indexLanguages: markets.markets.flatMap(\.languages), cartLifetime: cartLifetime,
            metrics: metrics)
        let catalog = stores.catalog
        let carts = stores.carts
        services = APIServices(
            markets: registry, catalog: catalog, carts: carts, cartSettings: CartSettings(lifetime: cartLifetime, recoveryKey: Self.recoveryKey),
            keyring: APIKeyring(
                entries: (adminKey.map { [APIKeyring.Entry(name: "admin", role: .admin, key: $0)] } ?? [])
                    + (channelKeys ? Self.channelKeys.map { APIKeyring.Entry(name: $0.key, role: .channel($0.key), key: $0.value) } : [])
                    + Self.staffKeys.map { APIKeyring.Entry(name: "till-\($0.key)", role: .channel("pos"), key: $0.value, stores: [$0.key]) }
                    + (channelKeys
                        ? [APIKeyring.Entry(name: "web-browser", role: .channel("web"), key: Self.publishableKey, publishableOrigins: [Self.shopOrigin])]
                        : []),
                allowsAnonymous: !channelKeys),
            customerTokens: await CustomerTokens(key: Self.customerTokenKey), rateLimit: rateLimit,
            messages: try MessageCatalog.load(directory: "\(Fixtures.repositoryRoot)/Locales/messages"),
            commerce: CommerceStores(stores),
            changeFeed: stores.changeFeed,
            // Tests share two cores; only a database that is gone, not a slow moment, may fail readiness.
            readinessTimeout: .seconds(120), crossOrigin: try CrossOriginPolicy(origins: crossOrigins), webhooks: stores.webhooks,
            webhookSettings: WebhookSettings(allowPrivateURLs: allowPrivateWebhooks), emails: stores.emails, metrics: metrics)
    }

    /// Runs `body` against the live server, then closes the database and, unless `keep`, removes it.
    /// The server logs into `log` (from `info` up).
    func run(keep: Bool = false, log: ServerLog = ServerLog(), _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = buildApplication(
            settings: ServerSettings(host: "127.0.0.1", port: 0), services: services, logger: log.logger,
            extraServices: [ChangeFeedService(services: services)])
        do {
            try await app.test(.live, body)
        } catch {
            log.dump(because: error)
            try? await TestDatabase.close(stores, directory: directory, keep: keep)
            throw error
        }
        try await TestDatabase.close(stores, directory: directory, keep: keep)
    }

    /// `run` for a body that returns a value (e.g. a cart id to look for after a restart).
    func runReturning<Value: Sendable>(keep: Bool = false, _ body: @Sendable @escaping (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let box = ResultBox<Value>()
        try await run(keep: keep) { client in box.set(try await body(client)) }
        return try #require(box.get())
    }
}

/// JSON helpers for responses.
extension TestResponse {
    func json<Value: Decodable>(_ type: Value.Type = Value.self) throws -> Value {
        try JSONDecoder().decode(Value.self, from: Data(buffer: body))
    }

    var text: String { String(buffer: body) }
}

/// A decoded problem+json body.
struct ProblemBody: Decodable {
    let status: Int
    let code: String
    let detail: String
    let field: String?
}

/// A decoded amount.
struct AmountBody: Decodable, Equatable {
    let amount: String
    let currency: String
    let formatted: String
}

/// Carries a value out of a `@Sendable` test body.
final class ResultBox<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    func set(_ value: Value) { storage.withLock { $0 = value } }
    func get() -> Value? { storage.withLock { $0 } }
}
