import ArgumentParser
import Foundation
import Logging
import PasarAPI
import PasarMail
import PasarMarkets
import PasarStorage

/// `pasar serve`: runs the HTTP API on the embedded SQLite database, or on a PostgreSQL database that
/// several `pasar serve` processes share.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the storefront API.",
        discussion: """
            Every option can also come from the environment: PASAR_HOST, PASAR_PORT, PASAR_DB, PASAR_MARKETS,
            PASAR_MESSAGES, PASAR_ADMIN_KEY (prefer it to --admin-key, which other users can see in the process list),
            PASAR_LOG_LEVEL, PASAR_CART_LIFETIME_HOURS, PASAR_CORS_ORIGINS, PASAR_RECOVERY_KEY (32+ bytes; signs abandoned-cart links, which
            otherwise stop working at restart). SIGHUP reloads the market files; SIGTERM stops after requests in flight.
            """
    )

    @Option(help: "Address to listen on.")
    var host: String = Environment.value("PASAR_HOST") ?? "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port and prints it).")
    var port: Int = Environment.value("PASAR_PORT").flatMap(Int.init) ?? 8080

    @Option(help: "SQLite database file, or a postgres:// URL (several servers may share one); created or migrated at start.")
    var db: String = Environment.value("PASAR_DB") ?? "pasar.sqlite"

    @Option(help: "Most PostgreSQL connections this process opens.")
    var dbConnections: Int = Environment.value("PASAR_DB_CONNECTIONS").flatMap(Int.init) ?? 20

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(help: "Directory of market files.")
    var markets: String = Environment.value("PASAR_MARKETS") ?? BundledFile.path("Locales/markets")

    @Option(help: "Directory of message catalogs (one <language>.yaml each).")
    var messages: String = Environment.value("PASAR_MESSAGES") ?? BundledFile.path("Locales/messages")

    @Option(help: "Search synonyms file (language → groups of words).")
    var synonyms: String = Environment.value("PASAR_SYNONYMS") ?? BundledFile.path("Locales/search/synonyms.yaml")

    @Flag(help: "Answer every catalog read from the database, never from the page cache (to measure cold reads).")
    var noPageCache = Environment.value("PASAR_PAGE_CACHE") == "off"

    @Option(help: "Catalog list, search and suggestion queries that run at once (default PASAR_SEARCH_CONCURRENCY, else half the cores); more wait, and past 64 waiting per slot get 503.")
    var searchConcurrency: Int?

    private var resolvedSearchConcurrency: Int? { searchConcurrency ?? Environment.value("PASAR_SEARCH_CONCURRENCY").flatMap(Int.init) }

    @Flag(help: "Load the demo catalog into an empty database.")
    var demo = Environment.value("PASAR_DEMO") == "1"

    @Option(help: "The demo catalog file.")
    var demoCatalog: String = BundledFile.path("Fixtures/catalog/demo-catalog.jsonl")

    @Option(help: "The demo vouchers file.")
    var demoVouchers: String = BundledFile.path("Fixtures/catalog/demo-vouchers.json")

    @Option(help: "The folder of the demo storefront and POS pages, served under /demo/ with --demo.")
    var demoPages: String = BundledFile.path("Demo")

    @Option(help: "Hours after which an untouched cart expires.")
    var cartLifetimeHours: Int = Environment.value("PASAR_CART_LIFETIME_HOURS").flatMap(Int.init) ?? 720

    @Option(help: "Admin API key (16+ characters; default PASAR_ADMIN_KEY); without one, admin routes are disabled.")
    var adminKey: String?

    private var resolvedAdminKey: String? { adminKey ?? Environment.value("PASAR_ADMIN_KEY") }

    @Option(help: "API keys file (digests only; see `pasar keys new`; default PASAR_KEYS_FILE).")
    var keys: String?

    private var resolvedKeys: String? { keys ?? Environment.value("PASAR_KEYS_FILE") }

    @Flag(help: "Let webhooks go to http URLs and private addresses (development and tests only).")
    var allowPrivateWebhooks = Environment.value("PASAR_ALLOW_PRIVATE_WEBHOOKS") == "1"

    @Option(help: "Shorten the webhook retry schedule by this factor (tests: 0.001 retries after 60 ms).")
    var webhookRetryScale: Double = 1

    @Option(help: "Seconds a webhook receiver has to answer; a delivery that a crash interrupts is sent again after three times this.")
    var webhookTimeout: Int = 10

    @Option(help: "SMTP server for customer emails, e.g. smtp://user:pass@mail.example:587 (STARTTLS; default PASAR_SMTP_URL); without one, no email is sent.")
    var smtpURL: String?

    private var resolvedSMTPURL: String? { smtpURL ?? Environment.value("PASAR_SMTP_URL") }

    @Option(help: "The sender of customer emails, e.g. \"Pasar <orders@shop.example>\" (default PASAR_MAIL_FROM).")
    var mailFrom: String?

    @Option(help: "Shorten the email retry schedule by this factor (tests).")
    var emailRetryScale: Double = 1

    @OptionGroup var marketing: MarketingOptions

    @OptionGroup var observability: ObservabilityOptions

    /// The email settings, or nil when no SMTP server is configured.
    private func emailSettings() throws -> EmailSettings? {
        guard let url = resolvedSMTPURL else { return nil }
        let smtp: SMTPSettings
        do { smtp = try SMTPSettings(url: url) } catch { throw ValidationError("--smtp-url: \(error)") }
        guard let fromText = mailFrom ?? Environment.value("PASAR_MAIL_FROM") else {
            throw ValidationError("--mail-from (PASAR_MAIL_FROM) is required with --smtp-url")
        }
        let from: MailAddress
        do { from = try MailAddress(parsing: fromText) } catch { throw ValidationError("--mail-from: \(error)") }
        return EmailSettings(smtp: smtp, from: from, retryScale: emailRetryScale)
    }

    @Flag(help: "Serve storefront routes to callers without a key (implied by --demo; for development only).")
    var allowAnonymous = false

    @Option(help: "Requests per second per API key (anonymous: per address); bursts of twice as many. 0 turns limiting off.")
    var rateLimit: Int = Environment.value("PASAR_RATE_LIMIT").flatMap(Int.init) ?? 50

    @Option(
        name: .customLong("cors-origin"),
        help: "A browser origin (https://shop.example.com) that may call the storefront routes; repeat for several (default PASAR_CORS_ORIGINS, comma-separated).")
    var corsOrigins: [String] = []

    /// The configured origins, and those of the publishable keys (their pages must pass CORS too).
    private func crossOriginPolicy(keyring: APIKeyring? = nil) throws -> CrossOriginPolicy {
        try CrossOriginPolicy(origins: configuredOrigins + (keyring?.publishableOrigins.sorted() ?? []))
    }

    /// `--cors-origin`, else `PASAR_CORS_ORIGINS`.
    private var configuredOrigins: [String] {
        corsOrigins.isEmpty ? Environment.value("PASAR_CORS_ORIGINS").map(CrossOriginPolicy.origins(fromEnvironment:)) ?? [] : corsOrigins
    }

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = Environment.value("PASAR_LOG_LEVEL") ?? "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level '\(logLevel)' is not a log level") }
        guard dbConnections >= 2 else { throw ValidationError("--db-connections must be 2 or more") }
        if PostgresLocation.isURL(db) {
            do { _ = try PostgresLocation(url: db) } catch { throw ValidationError("--db: \(error)") }
        }
        if let searchConcurrency = resolvedSearchConcurrency, searchConcurrency < 1 { throw ValidationError("--search-concurrency must be 1 or more") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more") }
        if let metricsPort = observability.resolvedMetricsPort, metricsPort != 0, metricsPort == port {
            throw ValidationError("--metrics-port must differ from --port (without --metrics-port, /metrics is on --port behind the admin key)")
        }
        guard (1...60).contains(webhookTimeout) else { throw ValidationError("--webhook-timeout must be from 1 to 60 seconds") }
        guard webhookRetryScale > 0, webhookRetryScale <= 1 else { throw ValidationError("--webhook-retry-scale must be above 0 and at most 1") }
        guard emailRetryScale > 0, emailRetryScale <= 1 else { throw ValidationError("--email-retry-scale must be above 0 and at most 1") }
        _ = try emailSettings()
        if let key = Environment.value("PASAR_CUSTOMER_TOKEN_KEY"), key.utf8.count < 32 {
            throw ValidationError("PASAR_CUSTOMER_TOKEN_KEY must be at least 32 bytes")
        }
        guard (1...24 * 365).contains(cartLifetimeHours) else { throw ValidationError("--cart-lifetime-hours must be from 1 to 8760") }
        if let key = Environment.value("PASAR_RECOVERY_KEY"), key.utf8.count < 32 {
            throw ValidationError("PASAR_RECOVERY_KEY must be at least 32 bytes")
        }
        if let key = resolvedAdminKey, key.count < APIKeyring.minimumKeyLength {
            throw ValidationError("the admin key must be at least \(APIKeyring.minimumKeyLength) characters")
        }
        do { _ = try crossOriginPolicy() } catch { throw ValidationError("--cors-origin: \(error)") }
        try BundledFile.require(markets, setBy: "--markets (PASAR_MARKETS)")
        try BundledFile.require(messages, setBy: "--messages (PASAR_MESSAGES)")
        try BundledFile.require(synonyms, setBy: "--synonyms (PASAR_SYNONYMS)")
        if demo {
            try BundledFile.require(demoCatalog, setBy: "--demo-catalog")
            try BundledFile.require(demoVouchers, setBy: "--demo-vouchers")
            try BundledFile.require(demoPages, setBy: "--demo-pages")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        observability.bootstrapLogging(level: level)
        let (metrics, instrument) = observability.bootstrapMetricsAndTracing()
        let logger = Logger(label: "pasar")
        let demoSite = demo ? DemoSite(pages: demoPages) : nil
        let keyring = try makeKeyring(logger: logger, demo: demoSite)
        let tokenKey = Environment.value("PASAR_CUSTOMER_TOKEN_KEY").map { Array($0.utf8) }
        if tokenKey == nil { logger.warning("PASAR_CUSTOMER_TOKEN_KEY is not set: customer tokens are signed with a random key and end at restart") }
        let customerTokens = await CustomerTokens(key: tokenKey ?? (0..<32).map { _ in UInt8.random(in: .min ... .max) })
        let registry = try MarketsCommand.loadRegistry(directory: markets)
        let messageCatalog = try MessageCatalog.load(directory: messages)
        try DatabaseLock.holdUntilExit(database: db)  // pasar restore refuses while this server runs
        let stores = try await PasarStores.open(
            db, indexLanguages: registry.snapshot.markets.flatMap(\.languages), synonyms: try SynonymsFile.load(path: synonyms), cartLifetime: TimeInterval(cartLifetimeHours) * 3600,
            maximumConnections: dbConnections, logger: logger, metrics: metrics.databaseFactory)
        logger.info("database open", metadata: ["database": "\(stores.kind)", "location": "\(PostgresLocation.redacted(db))"])
        let catalog = stores.catalog
        let carts = stores.carts
        let inventory = stores.inventory
        let commerce = CommerceStores(stores)
        if demo {
            let vouchers = try await VoucherImporter.importFile(at: demoVouchers, into: carts, markets: registry.snapshot)
            logger.info("demo vouchers loaded", metadata: ["vouchers": "\(vouchers)"])
            let existing = try await catalog.productCount()
            if existing == 0 {
                let summary = try await CatalogImporter(store: catalog, markets: registry.snapshot).importFile(at: demoCatalog)
                logger.info("demo catalog loaded", metadata: ["products": "\(summary.products)", "prices": "\(summary.prices)"])
            } else {
                logger.info("database already has products; demo catalog not loaded", metadata: ["products": "\(existing)"])
            }
            let stock = try await DemoStock.seed(inventory, markets: registry.snapshot)
            logger.info("demo stock loaded", metadata: ["stock_rows": "\(stock)"])
        }
        let cartSettings = CartSettings(
            lifetime: TimeInterval(cartLifetimeHours) * 3600, recoveryKey: Environment.value("PASAR_RECOVERY_KEY").map { Array($0.utf8) })
        let services = APIServices(
            markets: registry, catalog: catalog, carts: carts, cartSettings: cartSettings, keyring: keyring, customerTokens: customerTokens,
            rateLimit: rateLimit > 0 ? (Double(rateLimit), Double(rateLimit * 2)) : nil,
            messages: messageCatalog, commerce: commerce, changeFeed: stores.changeFeed, pageCache: !noPageCache,
            catalogQuerySlots: resolvedSearchConcurrency, crossOrigin: try crossOriginPolicy(keyring: keyring),
            demo: demoSite, webhooks: stores.webhooks,
            webhookSettings: WebhookSettings(
                allowPrivateURLs: allowPrivateWebhooks, retryScale: webhookRetryScale, timeoutSeconds: Int64(webhookTimeout)),
            emails: stores.emails, metrics: metrics, instrument: instrument)
        let email = try emailSettings()
        if let email {
            logger.info("customer emails on", metadata: ["smtp": "\(email.smtp)", "from": "\(email.from)"])
        } else {
            logger.info("customer emails off: no --smtp-url (PASAR_SMTP_URL)")
        }
        let marketingSettings = try marketing.settings(host: host, port: port)
        logger.info(
            "abandoned-cart reminders \(marketingSettings.reminderDelay == nil ? "off" : "on")",
            metadata: ["after": "\(marketing.cartReminderAfter)", "public_url": "\(marketingSettings.publicURL)"])
        let app = buildApplication(
            settings: ServerSettings(host: host, port: port), services: services, logger: logger,
            extraServices: [
                MarketReloadService(registry: registry, logger: logger), CartPurgeService(carts: carts, voucherUses: stores.voucherUses, logger: logger),
                ChangeFeedService(services: services),
                WebhookSender(services: services, store: stores.webhooks, settings: services.webhookSettings, logger: logger),
                CartReminderService(services: services, settings: marketingSettings, logger: logger),
            ] + (email.map { [EmailSender(services: services, store: stores.emails, settings: $0, marketing: marketingSettings, logger: logger)] } ?? [])
                + observability.metricsServices(services, logger: logger))
        try await app.runService()
        try await stores.close()
    }
}

extension ServeCommand {
    /// Channel keys from the keys file and `PASAR_API_KEYS`, the admin key, and whether callers
    /// without a key are served (only when asked for, or for the demo).
    func makeKeyring(logger: Logger, demo site: DemoSite?) throws -> APIKeyring {
        var entries = try resolvedKeys.map(KeysFile.entries(at:)) ?? []
        // The demo's storefront key works from this server's own pages and from the CORS origins.
        if let site { entries += site.keyEntries(origins: Set(try configuredOrigins.map(CrossOriginPolicy.normalized))) }
        entries += try Environment.value("PASAR_API_KEYS").map(APIKeyring.entries(fromEnvironment:)) ?? []
        if let key = resolvedAdminKey { entries.append(APIKeyring.Entry(name: "admin", role: .admin, key: key)) }
        let anonymous = allowAnonymous || demo
        let keyring = APIKeyring(entries: entries, allowsAnonymous: anonymous)
        if keyring.channelKeyCount == 0 && !anonymous {
            throw KeyringError(
                "no channel API keys: set PASAR_API_KEYS=web=<key>,… or --keys FILE (see `pasar keys new`), or pass --allow-anonymous for development")
        }
        if anonymous { logger.warning("storefront routes are open to callers without an API key (--demo or --allow-anonymous)") }
        logger.info("API keys loaded", metadata: ["channel_keys": "\(keyring.channelKeyCount)", "admin": "\(keyring.hasAdminKey)"])
        return keyring
    }
}

/// Reads configuration from the process environment.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
