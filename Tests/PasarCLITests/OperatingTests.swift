import Foundation
import PasarTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `pasar serve` as an operator runs it: JSON logs that name each request and hold no
/// secret, `traceparent` carried in and out, and metrics on a port of their own.
@Suite("Operating a real server")
struct OperatingTests {
    static let traceID = "0af7651916cd43dd8448eb211c80319c"
    static let channelKey = "sk_web-operating-0123456789abcdef"
    static let smtpPassword = "smtp-password-0123456789"

    private func temporaryDatabase() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-operating-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent("pasar.sqlite").path, folder)
    }

    /// Polls `condition` until it holds or `seconds` pass.
    private func eventually(seconds: Double = 30, _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    @Test func aJourneyLogsOneJSONObjectPerLineWithoutSecrets() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let receiver = try await TraceReceiver()
        defer { receiver.stop() }
        let server = try await ServerProcess(
            database: database,
            extraArguments: [
                "--log-format", "json", "--allow-private-webhooks", "--webhook-retry-scale", "0.001", "--email-retry-scale", "0.001",
                // Nothing listens on port 1: every email attempt fails, and its failure is logged.
                "--smtp-url", "smtp://mailer:\(Self.smtpPassword)@127.0.0.1:1", "--mail-from", "Pasar <shop@example.com>",
            ],
            environment: ["PASAR_API_KEYS": "web=\(Self.channelKey)"])
        defer { server.kill(signal: SIGKILL) }

        let subscribed = try await server.admin("POST", "/v1/admin/webhooks", json: ["url": receiver.url, "description": "trace receiver"])
        #expect(subscribed.status == 201, "\(String(decoding: subscribed.body, as: UTF8.self))")
        let webhookSecret = try #require(ServerProcess.object(subscribed.body)["secret"] as? String)
        let issued = try await server.admin("POST", "/v1/admin/customer-tokens", json: ["customer_id": "cust-operating-1"])
        #expect(issued.status == 201)
        let customerToken = try #require(ServerProcess.object(issued.body)["token"] as? String)

        let web = ["Authorization": "Bearer \(Self.channelKey)"]
        #expect(try await server.request("GET", "/v1/markets/de/products/tea-rize-black", headers: web).status == 200)
        let created = try await server.request(
            "POST", "/v1/carts", json: ["market": "de", "customer_id": "cust-operating-1", "lines": [["sku": "TEA-RIZE-BLACK-250G"]]],
            headers: web.merging(["Pasar-Customer-Token": customerToken]) { $1 })
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        let cart = try #require(ServerProcess.object(created.body)["id"] as? String)
        let checkout = try await server.request(
            "POST", "/v1/carts/\(cart)/checkout", json: ["fulfilment": ["type": "collect", "store": "berlin-mitte"], "email": "kunde@example.com"],
            headers: web.merging([
                "Idempotency-Key": "operating-\(cart)", "Pasar-Customer-Token": customerToken, "traceparent": "00-\(Self.traceID)-b7ad6b7169203331-01",
            ]) { $1 })
        #expect(checkout.status == 201, "\(String(decoding: checkout.body, as: UTF8.self))")

        // The order_placed webhook arrives with a valid traceparent.
        let calls = try await receiver.wait(calls: 1)
        let traceParent = try #require(calls.first?.traceparent, "no webhook call arrived, or it had no traceparent")
        #expect(traceParent.wholeMatch(of: /00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]/) != nil, "\(traceParent)")
        #expect(try await eventually { server.log.contains("email not sent") }, "the order email was not attempted")

        let log = server.log
        let complete = log[..<(log.lastIndex(of: "\n") ?? log.startIndex)]
        var requests: [[String: Any]] = []
        for line in complete.split(separator: "\n") {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let fields = try #require(object, "not a JSON object: \(line)")
            #expect(fields["time"] is String && fields["level"] is String && fields["message"] is String, "\(line)")
            if fields["message"] as? String == "request" { requests.append(fields) }
        }
        #expect(requests.count >= 5, "\(log)")
        for request in requests {
            #expect(request["request_id"] is String && request["route"] is String && request["trace_id"] is String, "\(request)")
            #expect(request["status"] as? Int != nil && request["duration_ms"] as? Double != nil, "\(request)")
        }
        let product = try #require(requests.first { $0["route"] as? String == "/v1/markets/{market}/products/{product}" })
        #expect(product["market"] as? String == "de" && product["channel"] as? String == "web" && product["status"] as? Int == 200)
        let placed = try #require(requests.first { $0["route"] as? String == "/v1/carts/{cart}/checkout" })
        #expect(placed["trace_id"] as? String == Self.traceID && placed["status"] as? Int == 201, "\(placed)")

        for (name, secret) in [
            ("admin key", ServerProcess.adminKey), ("channel key", Self.channelKey), ("customer token", customerToken),
            ("webhook secret", webhookSecret), ("webhook secret without prefix", String(webhookSecret.split(separator: "_").last ?? "")),
            ("SMTP password", Self.smtpPassword),
        ] {
            #expect(!log.contains(secret), "the log shows the \(name)")
        }
    }

    @Test func metricsOnTheirOwnPortNeedNoKeyAndLeaveTheAPIPort() async throws {
        let (database, folder) = try temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await ServerProcess(database: database, extraArguments: ["--metrics-port", "0"])
        defer { server.kill(signal: SIGKILL) }
        #expect(try await server.request("GET", "/v1/markets/de/products/tea-rize-black").status == 200)
        let onAPIPort = try await server.admin("GET", "/metrics")
        #expect(onAPIPort.status == 404, "not on the API's port: \(String(decoding: onAPIPort.body, as: UTF8.self))")

        var metricsPort: Int?
        #expect(try await eventually {
            metricsPort = ServerProcess.listeningPort(in: server.log) { $0.contains("server=metrics") }
            return metricsPort != nil
        })
        let port = try #require(metricsPort)
        #expect(server.log.contains("listening on 127.0.0.1:\(port)"), "loopback by default")
        let (body, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains(#"pasar_http_requests_total{route="/v1/markets/{market}/products/{product}",method="GET",status_class="2xx"} 1"#), "\(text)")
        // The database reports to the same registry, and the outbox lag is read for the scrape.
        #expect(text.contains(#"pasar_database_pool_wait_seconds_count{database="sqlite",access="read"}"#))
        #expect(text.contains(#"pasar_outbox_lag_seconds{kind="webhook"}"#))
    }

    @Test(arguments: [
        (["--log-format", "xml"], "--log-format"),
        (["--metrics-port", "8080", "--port", "8080"], "--metrics-port must differ from --port"),
        (["--metrics-port", "70000"], "--metrics-port must be from 0 to 65535"),
    ])
    func badOperatingOptionsAreRefusedNamingTheOption(_ arguments: [String], _ message: String) throws {
        let output = try CommandRunner.run(["serve", "--allow-anonymous"] + arguments)
        #expect(output.status != 0)
        #expect(output.standardError.contains(message), "\(output.standardError)")
    }
}
