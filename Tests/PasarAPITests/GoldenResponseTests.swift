import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PasarTestSupport
import Testing

/// Every route's response, byte for byte, along one journey over the demo catalog: the JSON keys,
/// null versus omitted, number and date formats, problem bodies. `Fixtures/golden/` holds one file
/// per step (request, status, content type and language, body), with the values that change per
/// run (ids, tokens, times) replaced by placeholders. A refactor keeps them unchanged; an intended
/// change is recorded again with `PASAR_RECORD_GOLDEN=1 swift test --filter GoldenResponseTests`.
@Suite("Golden responses")
struct GoldenResponseTests {
    struct Step: Sendable {
        let name: String
        let method: HTTPRequest.Method
        let path: String
        var body: String? = nil
        var headers: HTTPFields = [:]
        /// Values of the response to reuse in later paths and hide in snapshots: name → JSON path.
        var captures: [String: [String]] = [:]
    }

    static let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]
    static let json: HTTPFields = [.contentType: "application/json"]

    static let steps: [Step] = [
        Step(name: "healthz", method: .get, path: "/healthz"),
        Step(name: "markets", method: .get, path: "/v1/markets"),
        Step(name: "market", method: .get, path: "/v1/markets/ch?lang=fr"),
        Step(name: "product-list", method: .get, path: "/v1/markets/de/products?lang=de&limit=3"),
        Step(name: "product-list-next", method: .get, path: "/v1/markets/de/products?lang=de&limit=2&sort=price"),
        Step(
            name: "search-facets", method: .get,
            path: "/v1/markets/de/products?lang=de&q=tee&facets=category,price,option,availability&limit=3"),
        Step(name: "search-nothing", method: .get, path: "/v1/markets/de/products?lang=de&q=kaffebecher"),
        Step(name: "suggestions", method: .get, path: "/v1/markets/de/search/suggestions?lang=de&q=kaf"),
        Step(name: "product-ja", method: .get, path: "/v1/markets/jp/products/tea-rize-black?lang=ja"),
        Step(name: "product-ar", method: .get, path: "/v1/markets/ae/products/tea-rize-black?lang=ar"),
        Step(name: "price-explanation", method: .get, path: "/v1/markets/se/products/tea-rize-black/price-explanation?sku=TEA-RIZE-BLACK-250G&lang=sv"),
        Step(name: "categories", method: .get, path: "/v1/markets/tr/categories?lang=tr"),
        Step(name: "availability", method: .get, path: "/v1/markets/de/products/tea-rize-black/availability?store=berlin-mitte&lang=de"),
        Step(
            name: "cart-create", method: .post, path: "/v1/carts", body: #"{"market": "de", "lines": [{"sku": "TEA-RIZE-BLACK-250G", "quantity": 2}]}"#,
            headers: [.contentType: "application/json", .acceptLanguage: "de"], captures: ["cart": ["id"], "line": ["lines", "0", "id"]]),
        Step(name: "cart-add-line", method: .post, path: "/v1/carts/{cart}/lines", body: #"{"sku": "COFFEE-DRIP-BAGS"}"#, headers: json),
        Step(name: "cart-update-line", method: .patch, path: "/v1/carts/{cart}/lines/{line}", body: #"{"quantity": 3}"#, headers: json),
        Step(name: "cart-voucher", method: .post, path: "/v1/carts/{cart}/vouchers", body: #"{"code": "WELCOME10"}"#, headers: json),
        Step(name: "cart-shipping", method: .put, path: "/v1/carts/{cart}/shipping", body: #"{"method": "express"}"#, headers: json),
        Step(name: "cart-get-tr", method: .get, path: "/v1/carts/{cart}", headers: [.acceptLanguage: "tr"]),
        Step(name: "cart-voucher-remove", method: .delete, path: "/v1/carts/{cart}/vouchers/WELCOME10"),
        Step(name: "cart-market", method: .put, path: "/v1/carts/{cart}/market", body: #"{"market": "at"}"#, headers: json),
        Step(name: "problem-stale-cart-de", method: .post, path: "/v1/carts/{cart}/lines", body: #"{"sku": "TEA-RIZE-BLACK-250G"}"#,
             headers: [.contentType: "application/json", .acceptLanguage: "de", .ifMatch: "\"1\""]),
        Step(name: "cart-market-back", method: .put, path: "/v1/carts/{cart}/market", body: #"{"market": "de"}"#, headers: json),
        Step(
            name: "customer-create", method: .post, path: "/v1/customers",
            body: #"{"email": "golden@example.com", "name": "Gül Demir", "language": "tr", "market": "de"}"#, headers: json,
            captures: ["customer": ["id"]]),
        Step(name: "customer", method: .get, path: "/v1/customers/{customer}", headers: admin),
        Step(
            name: "stock-receipt", method: .post, path: "/v1/admin/inventory/adjustments",
            body: #"{"location": "berlin-mitte", "sku": "TEA-RIZE-BLACK-250G", "delta": 10, "reason": "receipt"}"#, headers: admin),
        Step(
            name: "stock-receipt-coffee", method: .post, path: "/v1/admin/inventory/adjustments",
            body: #"{"location": "berlin-mitte", "sku": "COFFEE-DRIP-BAGS", "delta": 10, "reason": "receipt"}"#, headers: admin),
        Step(
            name: "problem-fulfilment-type", method: .post, path: "/v1/carts/{cart}/checkout", body: #"{"fulfilment": {"type": "drone"}}"#,
            headers: [.contentType: "application/json", .acceptLanguage: "en", .init("Idempotency-Key")!: "golden-0"]),
        Step(
            name: "checkout", method: .post, path: "/v1/carts/{cart}/checkout",
            body: #"{"email": "golden@example.com", "fulfilment": {"type": "collect", "store": "berlin-mitte"}}"#,
            headers: [.contentType: "application/json", .acceptLanguage: "de", .init("Idempotency-Key")!: "golden-1"],
            captures: ["order": ["id"], "number": ["number"]]),
        Step(name: "order", method: .get, path: "/v1/orders/{order}?lang=en"),
        Step(name: "order-paid", method: .post, path: "/v1/admin/orders/{order}/status", body: #"{"status": "paid"}"#, headers: admin),
        Step(name: "order-ready", method: .post, path: "/v1/admin/orders/{order}/status", body: #"{"status": "ready_for_pickup"}"#, headers: admin),
        Step(name: "order-collected", method: .post, path: "/v1/admin/orders/{order}/status", body: #"{"status": "collected"}"#, headers: admin),
        Step(
            name: "return", method: .post, path: "/v1/orders/{order}/returns",
            body: #"{"location": "berlin-mitte", "lines": [{"line": 1, "quantity": 1}]}"#, headers: json, captures: ["return": ["id"]]),
        Step(name: "returns", method: .get, path: "/v1/orders/{order}/returns"),
        Step(name: "events", method: .get, path: "/v1/events?limit=5", headers: admin),
        Step(name: "inventory", method: .get, path: "/v1/admin/inventory/TEA-RIZE-BLACK-250G", headers: admin),
        Step(name: "voucher", method: .get, path: "/v1/admin/vouchers/SOMMER5", headers: admin),
        Step(
            name: "admin-product", method: .put, path: "/v1/admin/products/golden-tea",
            body: #"{"tax_class": "reduced", "translations": {"en": {"name": "Golden tea", "slug": "golden-tea"}}, "variants": [{"sku": "GOLDEN-TEA"}], "prices": [{"market": "de", "amount": "4.20"}]}"#,
            headers: admin),
        // Problems, each in the request's language.
        Step(name: "problem-unknown-field-fr", method: .post, path: "/v1/carts", body: #"{"market": "de", "colour": "red"}"#,
             headers: [.contentType: "application/json", .acceptLanguage: "fr"]),
        Step(name: "problem-not-json-id", method: .post, path: "/v1/carts", body: #"{"market": "#, headers: [.contentType: "application/json", .acceptLanguage: "id"]),
        Step(name: "problem-bad-language", method: .get, path: "/v1/markets/ch/products?lang=xx"),
        Step(name: "problem-unknown-product-ja", method: .get, path: "/v1/markets/jp/products/nothing", headers: [.acceptLanguage: "ja"]),
        Step(name: "problem-cart-closed-de", method: .post, path: "/v1/carts/{cart}/lines", body: #"{"sku": "TEA-RIZE-BLACK-250G"}"#,
             headers: [.contentType: "application/json", .acceptLanguage: "de", .ifMatch: "\"1\""]),
        Step(name: "problem-unknown-key", method: .get, path: "/v1/markets", headers: [.authorization: "Bearer nope"]),
        Step(name: "problem-admin-without-key", method: .get, path: "/v1/admin/vouchers/SOMMER5"),
        Step(name: "problem-unknown-route", method: .get, path: "/v1/nothing-here"),
        Step(name: "problem-method-not-allowed", method: .delete, path: "/v1/carts"),
        Step(name: "problem-price-range-tr", method: .get, path: "/v1/markets/tr/products?price_min=5.001&lang=tr"),
    ]

    @Test func everyRouteAnswersAsRecorded() async throws {
        let record = ProcessInfo.processInfo.environment["PASAR_RECORD_GOLDEN"] == "1"
        let directory = URL(fileURLWithPath: Fixtures.path("golden"))
        if record {
            try? FileManager.default.removeItem(at: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        try await TestServer().run { client in
            var values: [String: String] = [:]
            for (index, step) in Self.steps.enumerated() {
                var path = step.path
                for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                let response = try await client.execute(
                    uri: path, method: step.method, headers: step.headers, body: step.body.map { ByteBuffer(string: $0) })
                let text = String(buffer: response.body)
                for (name, jsonPath) in step.captures {
                    values[name] = try #require(Self.value(at: jsonPath, in: text), "\(step.name): no \(jsonPath) in \(text)")
                }
                let snapshot = Self.snapshot(step: step, response: response, body: text, values: values)
                let file = directory.appendingPathComponent(String(format: "%02d-%@.txt", index + 1, step.name))
                if record {
                    try snapshot.write(to: file, atomically: true, encoding: .utf8)
                } else {
                    let expected = try? String(contentsOf: file, encoding: .utf8)
                    #expect(snapshot == expected, "\(file.lastPathComponent) differs; record with PASAR_RECORD_GOLDEN=1 if intended")
                }
            }
        }
    }

    /// Request, status line and body, with run-dependent values as placeholders.
    static func snapshot(step: Step, response: TestResponse, body: String, values: [String: String]) -> String {
        var text = body
        for (name, value) in values.sorted(by: { $0.value.count > $1.value.count }) where value.count >= 4 {
            text = text.replacingOccurrences(of: value, with: "<\(name)>")
        }
        // Other random ids (a second line, a return): 24 URL-safe characters, maybe after a prefix.
        text = text.replacingOccurrences(of: #""id":"([a-z]+_)?(?=[A-Za-z0-9_-]{0,23}[A-Z])[A-Za-z0-9_-]{24}""#, with: #""id":"<id>""#, options: .regularExpression)
        text = text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "<time>", options: .regularExpression)
        // Dates formatted for people depend on the clock too; `Fixtures/formatting/dates.json` pins their form.
        text = text.replacingOccurrences(of: #""([a-z_]*_at_formatted)":"[^"]*""#, with: #""$1":"<formatted time>""#, options: .regularExpression)
        text = text.replacingOccurrences(of: #""([a-z_]*token)":"[^"]*""#, with: #""$1":"<token>""#, options: .regularExpression)
        // Delivery windows count from today.
        text = text.replacingOccurrences(
            of: #""delivery":\{"earliest":"[^"]*","formatted":"[^"]*","latest":"[^"]*"\}"#, with: #""delivery":<delivery window>"#,
            options: .regularExpression)
        let head = [
            "\(step.method.rawValue) \(step.path)",
            "\(response.status.code) \(response.headers[.contentType] ?? "-") \(response.headers[.contentLanguage] ?? "-")"
                + (response.headers[.allow].map { " Allow: \($0)" } ?? "") + (response.headers[.retryAfter].map { " Retry-After: \($0)" } ?? ""),
        ]
        return (head + [text]).joined(separator: "\n") + "\n"
    }

    /// The string or number at `path` (object keys and array indices) in a JSON text.
    static func value(at path: [String], in text: String) -> String? {
        var node: Any? = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        for key in path {
            if let array = node as? [Any], let index = Int(key), array.indices.contains(index) {
                node = array[index]
            } else {
                node = (node as? [String: Any])?[key]
            }
        }
        if let string = node as? String { return string }
        return (node as? NSNumber).map { "\($0)" }
    }
}
