import Foundation
import PasarCore
import PasarStorage
import Testing

/// Marketing consent and abandoned-cart reminders on both databases (`MarketingStore`): only a
/// consenting address is reminded, each cart once whichever process gets there, the reminder
/// email follows from the outbox, and unsubscribing withdraws consent everywhere.
@Suite("Marketing consent and cart reminders")
struct MarketingStoreTests {
    private func guestCart(email: String?, consent: Bool, language: String, on stores: PasarStores) async throws -> String {
        let id = UUID().uuidString
        _ = try await stores.carts.create(
            NewCart(id: id, market: StorageFixtures.market, currency: "EUR", customerID: nil, email: email, channel: "web", language: language,
                marketingConsent: consent))
        _ = try await stores.carts.addLine(
            StorageFixtures.line("TEA", quantity: 2), market: StorageFixtures.market, limits: CartLimits(), write: CartWrite(cartID: id, channel: "web"))
        return id
    }

    @Test(arguments: StorageBackend.all)
    func onlyConsentingCartsAreRemindedAndEachOnce(backend: StorageBackend) async throws {
        try await backend.withTwoProcesses { processes in
            let (first, second) = (processes.first, processes.second)
            let consenting = try await guestCart(email: "gast@example.com", consent: true, language: "en", on: first)
            _ = try await guestCart(email: "still@example.com", consent: false, language: "de", on: first)
            _ = try await guestCart(email: nil, consent: true, language: "de", on: first)
            let customer = try await first.customers.create(
                Customer(id: "cus_\(UUID().uuidString)", email: "Kundin@Example.com", name: "Kundin", language: "de", market: "de",
                    marketingConsentAt: Date()))
            let signedIn = UUID().uuidString
            _ = try await first.carts.create(
                NewCart(id: signedIn, market: "de", currency: "EUR", customerID: customer.id, email: nil, channel: "mobile", language: "en"))
            _ = try await first.carts.addLine(StorageFixtures.line("TEA"), market: "de", limits: CartLimits(), write: CartWrite(cartID: signedIn, channel: "mobile"))

            let now = Date().addingTimeInterval(1)
            let due = try await second.marketing.dueReminders(idleSince: now, now: now, limit: 10)
            #expect(Set(due.map(\.cartID)) == [consenting, signedIn], "no consent or no address: no reminder")
            #expect(due.first { $0.cartID == signedIn }?.language == "de", "a signed-in customer's own language, not the cart's")
            #expect(due.first { $0.cartID == consenting }?.language == "en", "a guest's cart remembers its language")
            #expect(try await second.marketing.dueReminders(idleSince: now.addingTimeInterval(-60), now: now, limit: 10).isEmpty, "not idle long enough")

            // Both processes remind the same carts at once: one event per cart.
            let total = try StorageFixtures.euro(3998)
            func remindAll(on stores: PasarStores) async throws {
                for cart in due { try await stores.marketing.remind(cart, language: cart.language ?? "de", itemCount: 2, total: total, now: now) }
            }
            async let a: Void = remindAll(on: first)
            async let b: Void = remindAll(on: second)
            _ = try await (a, b)
            let events = try await first.orders.events(after: 0, limit: 100).filter { $0.kind == .cartAbandoned }
            #expect(events.map(\.resourceID).sorted() == [consenting, signedIn].sorted())
            #expect(events.allSatisfy { $0.orderID == nil && $0.arguments.amount == total && $0.arguments.count == 2 })
            #expect(try await second.marketing.dueReminders(idleSince: now, now: now, limit: 10).isEmpty, "never reminded twice")

            // The customer unsubscribes (any case) before the email goes out: only the guest is mailed.
            #expect(try await second.marketing.unsubscribe(email: "kundin@example.com") == 1)
            #expect(try await first.customers.customer(id: customer.id)?.marketingConsentAt == nil)
            try await first.emails.fanOut(now: now)
            let emails = try await first.emails.messages(status: nil, orderID: nil, before: nil, limit: 10)
            #expect(emails.map(\.recipient) == ["gast@example.com"] && emails.first?.cartID == consenting && emails.first?.kind == "cart_abandoned")
            #expect(try await first.marketing.reminderRecipient(cartID: consenting) == "gast@example.com")
            #expect(try await first.marketing.reminderRecipient(cartID: signedIn) == nil, "withdrawn since")

            #expect(try await first.customerProfiles.update(customerID: customer.id, phone: nil, marketingConsent: true, now: now))
            #expect(try await first.customers.customer(id: customer.id)?.marketingConsentAt != nil)
            #expect(try await first.customerProfiles.update(customerID: "cus_nobody", phone: nil, marketingConsent: true, now: now) == false)
        }
    }
}
