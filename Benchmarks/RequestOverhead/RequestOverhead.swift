import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PasarAPI
import PasarMarkets
import PasarStorage

/// The in-process cost of product-detail requests, for `valgrind --tool=callgrind`: the router and
/// its middleware chain driven by HummingbirdTesting's `.router` client (no sockets, no NIO server,
/// which callgrind cannot run), with metrics on or off. Run twice with different request counts and
/// divide the difference in instructions by the difference in requests (BENCHMARKS.md).
///
///     RequestOverhead REQUESTS on|off [DATABASE]
///
/// DATABASE (default /tmp/pasar-overhead.sqlite) is made from the demo catalog when missing; run
/// from the repository root.
@main
struct RequestOverhead {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let requests = Int(arguments[1]), ["on", "off"].contains(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: RequestOverhead REQUESTS on|off [DATABASE]\n".utf8))
            exit(64)
        }
        let database = arguments.count > 3 ? arguments[3] : "/tmp/pasar-overhead.sqlite"
        let seeded = FileManager.default.fileExists(atPath: database)
        let registry = try MarketRegistry(directory: "Locales/markets")
        let metrics = arguments[2] == "on" ? PasarMetrics() : .off
        let stores = try await PasarStores.open(
            database, indexLanguages: registry.snapshot.markets.flatMap(\.languages), cartLifetime: 3600, metrics: metrics.databaseFactory)
        if !seeded {
            _ = try await CatalogImporter(store: stores.catalog, inventory: stores.inventory, markets: registry.snapshot)
                .importFile(at: "Fixtures/catalog/demo-catalog.jsonl")
        }
        let services = APIServices(
            markets: registry, catalog: stores.catalog, carts: stores.carts, keyring: APIKeyring(entries: [], allowsAnonymous: true),
            customerTokens: await CustomerTokens(key: Array(repeating: 7, count: 32)), rateLimit: nil,
            messages: try MessageCatalog.load(directory: "Locales/messages"), commerce: CommerceStores(stores),
            metrics: metrics)
        // Request lines are not written: this measures metrics, not logging.
        var logger = Logger(label: "overhead")
        logger.logLevel = .warning
        let app = buildApplication(settings: ServerSettings(host: "127.0.0.1", port: 0), services: services, logger: logger)
        // ROUTE=cart reads one cart (two lines, a shipping choice) instead of a product page.
        let cartRoute = ProcessInfo.processInfo.environment["ROUTE"] == "cart"
        try await app.test(.router) { client in
            var uri = "/v1/markets/de/products/tea-rize-black?lang=de"
            if cartRoute {
                let body = #"{"market": "de", "lines": [{"sku": "TEA-RIZE-BLACK-250G", "quantity": 2}, {"sku": "TEA-RIZE-BLACK-500G"}]}"#
                let id = try await client.execute(
                    uri: "/v1/carts", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
                ) { response in
                    guard response.status == .created else { throw HTTPError(response.status) }
                    return try JSONDecoder().decode([String: AnyDecodable].self, from: response.body)["id"]?.text ?? ""
                }
                uri = "/v1/carts/\(id)?lang=de"
            }
            for _ in 0..<requests {
                let status = try await client.execute(uri: uri, method: .get) { $0.status }
                guard status == .ok else { throw HTTPError(status) }
            }
        }
        try await stores.close()
        print("\(requests) \(cartRoute ? "cart" : "product-detail") requests, metrics \(arguments[2])")
    }
}

/// Any JSON value, kept only when it is a string (the created cart's id).
private struct AnyDecodable: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
