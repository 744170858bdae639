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
        // ROUTE=cart reads one cart (two lines, a shipping choice) instead of a product page; ROUTE=add adds
        // one unit of one of five SKUs to a guest cart per request (a new cart every 40 adds, so lines stay
        // few: the creation is 1/40 of each figure).
        let route = ProcessInfo.processInfo.environment["ROUTE"] ?? "product"
        try await app.test(.router) { client in
            func newCart(_ body: String) async throws -> String {
                try await client.execute(
                    uri: "/v1/carts", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
                ) { response in
                    guard response.status == .created else { throw HTTPError(response.status) }
                    return try JSONDecoder().decode([String: AnyDecodable].self, from: response.body)["id"]?.text ?? ""
                }
            }
            switch route {
            case "add":
                let skus = ["TEA-RIZE-BLACK-250G", "TEA-RIZE-BLACK-500G", "TEA-JAVA-JASMINE-100G", "SPICE-RENDANG-PASTE", "COFFEE-DRIP-BAGS"]
                var cart = ""
                for index in 0..<requests {
                    if index % 40 == 0 { cart = try await newCart(#"{"market": "de"}"#) }
                    let body = ByteBuffer(string: #"{"sku": "\#(skus[index % skus.count])", "quantity": 1}"#)
                    let status = try await client.execute(
                        uri: "/v1/carts/\(cart)/lines?lang=de", method: .post, headers: [.contentType: "application/json"], body: body
                    ) { $0.status }
                    guard status == .ok || status == .created else { throw HTTPError(status) }
                }
            default:
                var uri = "/v1/markets/de/products/tea-rize-black?lang=de"
                if route == "cart" {
                    let id = try await newCart(#"{"market": "de", "lines": [{"sku": "TEA-RIZE-BLACK-250G", "quantity": 2}, {"sku": "TEA-RIZE-BLACK-500G"}]}"#)
                    uri = "/v1/carts/\(id)?lang=de"
                }
                for _ in 0..<requests {
                    let status = try await client.execute(uri: uri, method: .get) { $0.status }
                    guard status == .ok else { throw HTTPError(status) }
                }
            }
        }
        try await stores.close()
        print("\(requests) \(route) requests, metrics \(arguments[2])")
    }
}

/// Any JSON value, kept only when it is a string (the created cart's id).
private struct AnyDecodable: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}
