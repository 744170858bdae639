import Foundation
import PasarTestSupport
import Testing

/// One order email as a MIME parser must read it, written out in `Fixtures/mail/order-emails.json`.
private struct ExpectedOrderEmail: Decodable {
    let to: String
    let subject: String
    let text: String
    let htmlContains: [String]
    let htmlLanguage: String

    enum CodingKeys: String, CodingKey {
        case to, subject, text
        case htmlContains = "html_contains"
        case htmlLanguage = "html_language"
    }
}

/// Order emails from a real `pasar serve` to a real SMTP server (aiosmtpd), each parsed by Python's
/// `email` package: subject and both parts in the order's language, amounts as the API formats them.
@Suite("Order emails reach a real SMTP server", .enabled("needs python3 with aiosmtpd (or PASAR_TEST_SMTP=1)") { await IntegrationGate.shouldRun() })
struct OrderEmailTests {
    /// Places an order of two packs shipped in Germany; returns its id and number.
    private func placeOrder(on server: ServerProcess, email: String, language: String) async throws -> (id: String, number: String) {
        let cart = ServerProcess.object(try await server.request("POST", "/v1/carts", json: ["market": "de", "lines": [["sku": "TEA-RIZE-BLACK-250G", "quantity": 2]]]).body)
        let id = try #require(cart["id"] as? String)
        let checkout = try await server.request(
            "POST", "/v1/carts/\(id)/checkout", json: [
                "fulfilment": [
                    "type": "ship", "shipping_method": "standard",
                    "address": ["name": "Jonas Weber", "line1": "Oranienstraße 5", "postal_code": "10997", "city": "Berlin", "country": "DE"],
                ],
                "email": email,
            ],
            headers: ["Idempotency-Key": "email-\(id)", "Accept-Language": language])
        #expect(checkout.status == 201, "\(String(decoding: checkout.body, as: UTF8.self))")
        let order = ServerProcess.object(checkout.body)
        return (try #require(order["id"] as? String), try #require(order["number"] as? String))
    }

    @Test func ordersAreMailedInTheirLanguageWithTextAndHTMLParts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pasar-email-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withSMTPSink(SMTPSink.Options(rejections: ["refused@example.com": 550])) { sink in
            let server = try await ServerProcess(
                database: folder.appendingPathComponent("pasar.sqlite").path,
                extraArguments: [
                    "--smtp-url", "smtp://127.0.0.1:\(sink.port)?security=none", "--mail-from", "Pasar Shop <orders@pasar.example>",
                    "--email-retry-scale", "0.001",
                ])
            defer { server.kill(signal: SIGKILL) }
            let german = try await placeOrder(on: server, email: "kunde@example.com", language: "de")
            _ = try await placeOrder(on: server, email: "refused@example.com", language: "de")
            let turkish = try await placeOrder(on: server, email: "musteri@example.com", language: "tr")
            let paid = try await server.admin("POST", "/v1/admin/orders/\(german.id)/status", json: ["status": "paid"])
            #expect(paid.status == 200, "\(String(decoding: paid.body, as: UTF8.self))")
            let shipped = try await server.admin(
                "POST", "/v1/admin/orders/\(german.id)/status",
                json: [
                    "status": "shipped", "carrier": "DHL", "tracking_number": "00340434161094042557",
                    "tracking_url": "https://www.dhl.de/de/privatkunden.html?piececode=00340434161094042557",
                ])
            #expect(shipped.status == 200, "\(String(decoding: shipped.body, as: UTF8.self))")
            let parcel = (ServerProcess.object(shipped.body)["shipments"] as? [[String: Any]])?.first
            #expect(parcel?["carrier"] as? String == "DHL" && parcel?["tracking_number"] as? String == "00340434161094042557")

            let received = try #require(try await sink.messages(count: 4), "four emails did not arrive")
            var parsed: [String: ParsedMail] = [:]
            for message in received {
                let mail = try await ParsedMail.parse(message.raw)
                #expect(mail.defects.isEmpty, "\(mail.defects)")
                #expect(mail.date != nil && mail.messageID != nil)
                #expect(mail.from.first?.address == "orders@pasar.example" && mail.from.first?.displayName == "Pasar Shop")
                // Order numbers are random: the fixtures write them as {order}.
                let subject = [german.number, turkish.number].reduce(mail.subject ?? "") { $0.replacingOccurrences(of: $1, with: "{order}") }
                parsed["\(message.rcptTos.joined()) \(subject)"] = mail
            }
            let expected = Fixtures.decode([ExpectedOrderEmail].self, from: "mail/order-emails.json")
            #expect(parsed.count == expected.count, "\(parsed.keys.sorted())")
            for email in expected {
                let mail = try #require(parsed["\(email.to) \(email.subject)"], "no email '\(email.subject)' to \(email.to): \(parsed.keys.sorted())")
                #expect(mail.contentType == "multipart/alternative")
                #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
                let number = email.to == "musteri@example.com" ? turkish.number : german.number
                #expect(mail.parts.first?.text == email.text.replacingOccurrences(of: "{order}", with: number))
                let html = mail.parts.last?.text ?? ""
                #expect(html.contains("<html lang=\"\(email.htmlLanguage)\""), "\(html)")
                for fragment in email.htmlContains.map({ $0.replacingOccurrences(of: "{order}", with: number) }) {
                    #expect(html.contains(fragment), "\(fragment) not in \(html)")
                }
            }
            // The refused address: failed at once on the 550, never retried, visible in the email log.
            let log = try await server.admin("GET", "/v1/admin/emails?status=failed")
            let failed = try #require(ServerProcess.object(log.body)["items"] as? [[String: Any]])
            #expect(failed.count == 1 && failed.first?["to"] as? String == "refused@example.com", "\(failed)")
            #expect(failed.first?["attempts"] as? Int == 1 && (failed.first?["last_error"] as? String)?.contains("550") == true, "\(failed)")
            // Sending a message twice would show here: each event is mailed once.
            #expect(try await sink.messages().count == expected.count)
        }
    }
}
