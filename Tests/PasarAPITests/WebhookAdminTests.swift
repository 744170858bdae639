import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import PasarAPI
import PasarTestSupport
import Testing

@Suite("Webhook subscriptions: admin routes and the URLs they may name")
struct WebhookAdminTests {
    private let admin: HTTPFields = [.authorization: "Bearer \(TestServer.adminKey)", .contentType: "application/json"]

    private struct Subscription: Decodable {
        let id: String
        let url: String
        let events: [String]
        let enabled: Bool
        let secret: String?
        let previous_secret_expires_at: String?
    }

    private struct Subscriptions: Decodable { let items: [Subscription] }

    @Test(arguments: [
        ("http://hooks.example/in", "must be https"), ("https://127.0.0.1/hook", "private or reserved"), ("https://localhost:8443/hook", "private or reserved"),
        ("https://169.254.169.254/latest/meta-data", "private or reserved"), ("https://10.1.2.3/hook", "private or reserved"),
        ("https://[::1]/hook", "private or reserved"), ("https://[fd00::1]/hook", "private or reserved"), ("https://[::ffff:10.0.0.1]/hook", "private or reserved"),
        ("https://user:secret@hooks.example/in", "user name or password"), ("ftp://hooks.example/in", "must be https"), ("not a url", "absolute http(s) URL"),
    ])
    func privateAndPlainURLsAreRefusedByDefault(url: String, reason: String) async throws {
        try await TestServer().run { client in
            let body = try JSONSerialization.data(withJSONObject: ["url": url])
            try await client.execute(uri: "/v1/admin/webhooks", method: .post, headers: admin, body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .badRequest, "\(response.text)")
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "url")
                #expect(problem.detail.contains(reason), "\(problem.detail)")
            }
        }
    }

    @Test(arguments: [
        ("8.8.8.8", true), ("93.184.216.34", true), ("0.1.2.3", false), ("100.64.0.1", false), ("100.127.255.254", false), ("100.128.0.1", true),
        ("172.15.0.1", true), ("172.16.0.1", false), ("172.31.255.255", false), ("192.168.1.1", false), ("198.18.0.1", false), ("224.0.0.1", false),
        ("255.255.255.255", false),
    ])
    func ipv4Ranges(address: String, isPublic: Bool) throws {
        let bytes = address.split(separator: ".").compactMap { UInt8($0) }
        #expect(WebhookURLPolicy.isPublicIPv4(bytes) == isPublic)
    }

    @Test func subscriptionsAreMadeShownChangedRotatedAndDeleted() async throws {
        try await TestServer(allowPrivateWebhooks: true).run { client in
            let made = try await client.execute(
                uri: "/v1/admin/webhooks", method: .post, headers: admin,
                body: ByteBuffer(string: #"{"url": "http://127.0.0.1:9/hook", "events": ["order_paid", "order_placed"], "description": "ERP"}"#)
            ) { response in
                #expect(response.status == .created, "\(response.text)")
                return try response.json(Subscription.self)
            }
            let secret = try #require(made.secret)
            #expect(secret.hasPrefix("whsec_") && Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
            #expect(made.events == ["order_paid", "order_placed"])

            let listed = try await client.execute(uri: "/v1/admin/webhooks", method: .get, headers: admin) { try $0.json(Subscriptions.self) }
            #expect(listed.items.map(\.id) == [made.id])
            #expect(listed.items.first?.secret == nil, "the secret is shown once")

            try await client.execute(
                uri: "/v1/admin/webhooks/\(made.id)", method: .patch, headers: admin, body: ByteBuffer(string: #"{"events": ["order_paid", "order_lost"]}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "events[1]")
            }
            let changed = try await client.execute(
                uri: "/v1/admin/webhooks/\(made.id)", method: .patch, headers: admin, body: ByteBuffer(string: #"{"events": [], "enabled": false}"#)
            ) { try $0.json(Subscription.self) }
            #expect(changed.events.isEmpty && !changed.enabled)

            let rotated = try await client.execute(
                uri: "/v1/admin/webhooks/\(made.id)/rotate-secret", method: .post, headers: admin, body: ByteBuffer(string: #"{"overlap_seconds": 3600}"#)
            ) { try $0.json(Subscription.self) }
            #expect(rotated.secret != nil && rotated.secret != secret)
            #expect(rotated.previous_secret_expires_at != nil)

            try await client.execute(uri: "/v1/admin/webhooks/\(made.id)/deliveries", method: .get, headers: admin) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(#""items":[]"#), "\(response.text)")
            }
            try await client.execute(uri: "/v1/admin/webhooks/\(made.id)", method: .delete, headers: admin) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/admin/webhooks/\(made.id)", method: .get, headers: admin) { response in
                #expect(response.status == .notFound)
                let problem = try response.json(ProblemBody.self)
                #expect(problem.field == "webhook")
            }
        }
    }

    @Test func signaturesFollowStandardWebhooks() throws {
        // The example of the Standard Webhooks specification.
        let header = WebhookSignature.header(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8),
            secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
        #expect(header == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        let two = WebhookSignature.header(id: "a", timestamp: 1, body: [], secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_AAAA"])
        #expect(two.split(separator: " ").count == 2)
    }
}
