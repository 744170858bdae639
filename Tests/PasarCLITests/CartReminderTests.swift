import Foundation
import PasarTestSupport
import Testing

/// One reminder as a MIME parser must read it, written out in `Fixtures/mail/cart-reminders.json`;
/// `{recovery_link}` and `{unsubscribe_link}` stand for the links, whose tokens are signed afresh.
private struct ExpectedReminder: Decodable {
    let to: String
    let subject: String
    let text: String
    let htmlLanguage: String
    let unsubscribePage: String
    let unsubscribed: String

    enum CodingKeys: String, CodingKey {
        case to, subject, text
        case htmlLanguage = "html_language", unsubscribePage = "unsubscribe_page", unsubscribed
    }
}

/// Abandoned-cart reminders from a real `pasar serve` to a real SMTP server (aiosmtpd): only to
/// addresses that consented, once per cart, in the customer's language (a guest's: the language
/// the cart was used in, not the market's default), with a recovery link that reopens the cart and
/// a one-click unsubscribe that withdraws consent.
@Suite("Abandoned-cart reminders reach a real SMTP server", .enabled("needs python3 with aiosmtpd (or PASAR_TEST_SMTP=1)") { await IntegrationGate.shouldRun() })
struct CartReminderTests {
    private static let sku = "TEA-RIZE-BLACK-250G"

    private func cart(on server: ServerProcess, _ body: [String: Any], language: String) async throws -> String {
        let response = try await server.request(
            "POST", "/v1/carts", json: body, headers: ["Accept-Language": language, "Authorization": "Bearer \(ServerProcess.adminKey)"])
        #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
        return try #require(ServerProcess.object(response.body)["id"] as? String)
    }

    @Test func consentingCartsAreRemindedOnceInTheirLanguage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-reminder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withSMTPSink { sink in
            let server = try await ServerProcess(
                database: folder.appendingPathComponent("pasar.sqlite").path,
                extraArguments: [
                    "--smtp-url", "smtp://127.0.0.1:\(sink.port)?security=none", "--mail-from", "Pasar Shop <shop@pasar.example>",
                    "--cart-reminder-after", "1s", "--public-url", "https://pasar.example",
                    "--cart-recovery-url", "https://shop.example/cart?recover={token}",
                ])
            defer { server.kill(signal: SIGKILL) }
            let signUp = try await server.request(
                "POST", "/v1/customers",
                json: ["email": "kundin@example.com", "name": "Kundin", "market": "de", "language": "de", "marketing_consent": true])
            #expect(signUp.status == 201, "\(String(decoding: signUp.body, as: UTF8.self))")
            let customer = ServerProcess.object(signUp.body)
            let customerID = try #require(customer["id"] as? String)
            #expect(customer["marketing_consent"] as? Bool == true && customer["marketing_consent_at"] is String)

            let consentWithoutAddress = try await server.request(
                "POST", "/v1/carts", json: ["market": "de", "marketing_consent": true], headers: ["Accept-Language": "en"])
            #expect(consentWithoutAddress.status == 400 && String(decoding: consentWithoutAddress.body, as: UTF8.self).contains("marketing_consent"))

            // Used in English; the customer prefers German: the reminder speaks German.
            let customerCart = try await cart(on: server, ["market": "de", "customer_id": customerID, "lines": [["sku": Self.sku]]], language: "en")
            let guestCart = try await cart(
                on: server, ["market": "de", "email": "guest@example.com", "marketing_consent": true, "lines": [["sku": Self.sku, "quantity": 2]]],
                language: "en")
            let quietCart = try await cart(on: server, ["market": "de", "email": "quiet@example.com", "lines": [["sku": Self.sku]]], language: "de")

            let received = try #require(try await sink.messages(count: 2), "two reminders did not arrive")
            let expected = Fixtures.decode([ExpectedReminder].self, from: "mail/cart-reminders.json")
            for reminder in expected {
                let raw = try #require(received.first { $0.rcptTos == [reminder.to] }, "no reminder to \(reminder.to)").raw
                let mail = try await ParsedMail.parse(raw)
                #expect(mail.defects.isEmpty, "\(mail.defects)")
                #expect(mail.subject == reminder.subject)
                #expect(mail.listUnsubscribePost == "List-Unsubscribe=One-Click")
                let unsubscribe = try #require(mail.listUnsubscribe.map { String($0.dropFirst().dropLast()) })
                #expect(unsubscribe.hasPrefix("https://pasar.example/v1/unsubscribe?token="))
                let text = mail.parts.first?.text ?? ""
                let recovery = try #require(text.split(separator: " ").first { $0.hasPrefix("https://shop.example/cart?recover=") }.map { String($0.split(separator: "\n")[0]) })
                #expect(text == reminder.text.replacingOccurrences(of: "{recovery_link}", with: recovery).replacingOccurrences(of: "{unsubscribe_link}", with: unsubscribe))
                let html = mail.parts.last?.text ?? ""
                #expect(html.contains("<html lang=\"\(reminder.htmlLanguage)\"") && html.contains("<a href=\"\(recovery)\">"), "\(html)")

                // The recovery link reopens the cart, in any channel.
                let token = String(recovery.dropFirst("https://shop.example/cart?recover=".count))
                let recovered = try await server.request("POST", "/v1/carts/recover", json: ["token": token])
                #expect(recovered.status == 200)
                let recoveredID = ServerProcess.object(recovered.body)["id"] as? String
                #expect(recoveredID == (reminder.to == "guest@example.com" ? guestCart : customerCart))

                // The unsubscribe page asks first (a GET changes nothing), in the email's language; the POST withdraws.
                let path = String(unsubscribe.dropFirst("https://pasar.example".count))
                let page = try await server.request("GET", path)
                #expect(page.status == 200 && String(decoding: page.body, as: UTF8.self).contains(reminder.unsubscribePage))
                let done = try await server.request("POST", path)
                #expect(done.status == 200 && String(decoding: done.body, as: UTF8.self).contains(reminder.unsubscribed))
            }
            let profile = ServerProcess.object(try await server.admin("GET", "/v1/customers/\(customerID)").body)
            #expect(profile["marketing_consent"] as? Bool == false && profile["marketing_consent_at"] == nil)
            #expect(try await server.request("POST", "/v1/unsubscribe?token=forged.token").status == 400)

            // Each consenting cart told once, in the outbox (webhooks) and the email log; none for the cart without consent.
            let feed = ServerProcess.object(try await server.admin("GET", "/v1/events?limit=500").body)["events"] as? [[String: Any]] ?? []
            let abandoned = feed.filter { $0["type"] as? String == "cart_abandoned" }
            #expect(Set(abandoned.compactMap { $0["resource_id"] as? String }) == [customerCart, guestCart] && abandoned.count == 2, "\(abandoned)")
            #expect(!abandoned.contains { $0["resource_id"] as? String == quietCart })
            #expect(abandoned.first { $0["resource_id"] as? String == guestCart }?["message"] as? String == "You left 2 items for €18.70 in your cart.")
            let log = ServerProcess.object(try await server.admin("GET", "/v1/admin/emails?status=sent").body)["items"] as? [[String: Any]] ?? []
            #expect(Set(log.compactMap { $0["cart_id"] as? String }) == [customerCart, guestCart])
            #expect(try await sink.messages().count == 2, "never reminded twice")
        }
    }
}
